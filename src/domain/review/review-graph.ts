/**
 * The expert-application graph of a review round: experts and applications are the nodes, each
 * assigned pair an edge. Per-expert normalization of scores (z-scores, an expert's mean and
 * spread) only separates an expert's severity from the quality of what they happened to read
 * when experts are linked through shared applications: two groups of experts that share no
 * application cannot be put on one scale. So an assignment is checked for one connected graph
 * and for overlap, and repaired by swaps when the optimum falls apart into groups (it tends to:
 * experts of one field take that field's applications).
 *
 * Nodes are indices: applications 0..apps-1, experts 0..experts-1. Only nodes with at least one
 * edge count (an expert with no load has nothing to normalize; an application with no reviewer
 * is reported as short elsewhere).
 */

/** One assigned (application, expert) pair, by index. */
export interface GraphPair {
  app: number;
  expert: number;
}

export interface GraphShape {
  apps: number;
  experts: number;
}

interface Components {
  /** Component of each pair, by the pair's position; ids are 0..count-1. */
  ofPair: number[];
  count: number;
}

function find(parent: number[], x: number): number {
  let root = x;
  while (parent[root] !== root) root = parent[root] as number;
  while (parent[x] !== root) {
    const next = parent[x] as number;
    parent[x] = root;
    x = next;
  }
  return root;
}

function components(shape: GraphShape, pairs: readonly GraphPair[]): Components {
  // Union-find over apps then experts (expert e is node apps + e).
  const parent = Array.from({ length: shape.apps + shape.experts }, (_, i) => i);
  for (const p of pairs) {
    const a = find(parent, p.app);
    const b = find(parent, shape.apps + p.expert);
    if (a !== b) parent[a] = b;
  }
  const idOfRoot = new Map<number, number>();
  const ofPair = pairs.map((p) => {
    const root = find(parent, p.app);
    let id = idOfRoot.get(root);
    if (id === undefined) {
      id = idOfRoot.size;
      idOfRoot.set(root, id);
    }
    return id;
  });
  return { ofPair, count: idOfRoot.size };
}

/** Connected components among the nodes that have an edge (0 for no pairs). */
export function componentCount(shape: GraphShape, pairs: readonly GraphPair[]): number {
  return components(shape, pairs).count;
}

/**
 * The smallest overlap: for each expert with a load, the number of other experts with whom they
 * share at least one application; the minimum over those experts (0 with fewer than two).
 * An expert at 0 reads nothing anyone else reads, so their scores cannot be calibrated at all;
 * the larger the minimum, the more experts each expert's mean is compared with.
 */
export function smallestOverlap(shape: GraphShape, pairs: readonly GraphPair[]): number {
  const reviewers: number[][] = Array.from({ length: shape.apps }, () => []);
  for (const p of pairs) reviewers[p.app]?.push(p.expert);
  const coReviewers: Set<number>[] = Array.from({ length: shape.experts }, () => new Set());
  const loaded = new Set<number>();
  for (const list of reviewers) {
    for (const e of list) {
      loaded.add(e);
      for (const other of list) if (other !== e) coReviewers[e]?.add(other);
    }
  }
  if (loaded.size < 2) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (const e of loaded) min = Math.min(min, coReviewers[e]?.size ?? 0);
  return min;
}

/**
 * Which pairs are bridges (removing one disconnects its component), by an iterative depth-first
 * search with low-links (Tarjan), so large rounds do not exhaust the stack.
 */
function bridges(shape: GraphShape, pairs: readonly GraphPair[]): boolean[] {
  const nodes = shape.apps + shape.experts;
  const adjacency: { to: number; pair: number }[][] = Array.from({ length: nodes }, () => []);
  pairs.forEach((p, i) => {
    adjacency[p.app]?.push({ to: shape.apps + p.expert, pair: i });
    adjacency[shape.apps + p.expert]?.push({ to: p.app, pair: i });
  });
  const order = new Array<number>(nodes).fill(-1);
  const low = new Array<number>(nodes).fill(0);
  const isBridge = new Array<boolean>(pairs.length).fill(false);
  let counter = 0;
  for (let start = 0; start < nodes; start++) {
    if (order[start] !== -1) continue;
    // Stack frames: node, the pair it was entered by, the next adjacency position.
    const stack: { node: number; via: number; next: number }[] = [{ node: start, via: -1, next: 0 }];
    order[start] = low[start] = counter++;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as (typeof stack)[number];
      const edges = adjacency[frame.node] as { to: number; pair: number }[];
      if (frame.next < edges.length) {
        const edge = edges[frame.next++] as { to: number; pair: number };
        if (edge.pair === frame.via) continue;
        if (order[edge.to] === -1) {
          order[edge.to] = low[edge.to] = counter++;
          stack.push({ node: edge.to, via: edge.pair, next: 0 });
        } else {
          low[frame.node] = Math.min(low[frame.node] as number, order[edge.to] as number);
        }
      } else {
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) {
          low[parent.node] = Math.min(low[parent.node] as number, low[frame.node] as number);
          if ((low[frame.node] as number) > (order[parent.node] as number)) isBridge[frame.via] = true;
        }
      }
    }
  }
  return isBridge;
}

export interface RepairRules {
  /** The match score of a pair. */
  score(app: number, expert: number): number;
  /** Whether the pair may be assigned at all (no conflict). */
  allowed(app: number, expert: number): boolean;
  /** Pairs that must stay as they are (hand-made adjustments, others' pairs after a drop-out). */
  isFixed(pair: GraphPair): boolean;
}

export interface Repair {
  pairs: GraphPair[];
  swaps: number;
  /** Match score given up by the swaps. */
  loss: number;
}

/**
 * Joins the components by swaps: (a1, e1) in one component and (a2, e2) in another become
 * (a1, e2) and (a2, e1). Every application keeps its number of reviewers and every expert their
 * load, so k and the load bands still hold; a swap never creates a duplicate (e2 cannot already
 * review a1: they were in different components) and is skipped when it would create a conflict
 * or move a fixed pair. When at least one of the two removed pairs is not a bridge, the two
 * components become one (the component keeping its pairs is linked to both sides of the other),
 * so each swap removes a component and the loop ends. Each step takes, from the smallest component
 * that has a valid swap, the one losing the least match score. It stops at one component, or when
 * no component has a valid swap with any other.
 */
export function repairConnectivity(
  shape: GraphShape,
  start: readonly GraphPair[],
  rules: RepairRules,
): Repair {
  const pairs = start.map((p) => ({ ...p }));
  let swaps = 0;
  let loss = 0;
  for (;;) {
    const { ofPair, count } = components(shape, pairs);
    if (count <= 1) break;
    const bridge = bridges(shape, pairs);
    const sizes = new Array<number>(count).fill(0);
    for (const c of ofPair) sizes[c] = (sizes[c] ?? 0) + 1;
    const bySize = [...sizes.keys()].sort((x, y) => (sizes[x] as number) - (sizes[y] as number) || x - y);
    let best = null as { i: number; j: number; loss: number } | null;
    for (const component of bySize) {
      for (let i = 0; i < pairs.length; i++) {
        const p1 = pairs[i] as GraphPair;
        if (ofPair[i] !== component || rules.isFixed(p1)) continue;
        const kept = rules.score(p1.app, p1.expert);
        for (let j = 0; j < pairs.length; j++) {
          const p2 = pairs[j] as GraphPair;
          if (ofPair[j] === component || (bridge[i] && bridge[j]) || rules.isFixed(p2)) continue;
          if (!rules.allowed(p1.app, p2.expert) || !rules.allowed(p2.app, p1.expert)) continue;
          const swapLoss =
            kept +
            rules.score(p2.app, p2.expert) -
            rules.score(p1.app, p2.expert) -
            rules.score(p2.app, p1.expert);
          if (!best || swapLoss < best.loss) best = { i, j, loss: swapLoss };
        }
      }
      if (best) break;
    }
    if (!best) break;
    const p1 = pairs[best.i] as GraphPair;
    const p2 = pairs[best.j] as GraphPair;
    [p1.expert, p2.expert] = [p2.expert, p1.expert];
    swaps++;
    loss += best.loss;
  }
  return { pairs, swaps, loss };
}
