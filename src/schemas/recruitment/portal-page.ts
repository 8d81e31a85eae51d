/**
 * What the server writes into /portal's HTML (a JSON script element with this id) so the app starts
 * from the calls and latest posts the page already shows instead of asking for them again. `signedIn` is false when
 * the request carried no session cookie (nobody to ask /api/auth/me about), null when it did.
 * Apart from calls.ts: the app's entry imports this id, and calls.ts would bring Zod into it.
 */
import type { PostFeedPage } from "../services/posts";
import type { PublicCallList } from "./calls";

export const PORTAL_PAGE_DATA_ID = "portal-page-data";

export interface PortalPageData {
  calls: PublicCallList;
  /** The latest public posts (资讯), the first page of the home's "最新资讯" list. */
  posts: PostFeedPage;
  signedIn: false | null;
}
