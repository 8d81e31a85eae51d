import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** An incubation base: the owner of every domain record (`base_id`). */
export const bases = pgTable("bases", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  district: text("district").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Towns and sub-districts (镇街) the base serves. */
export const towns = pgTable(
  "towns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: uuid("base_id")
      .notNull()
      .references(() => bases.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["town", "subdistrict"] }).notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [uniqueIndex("towns_base_name").on(t.baseId, t.name)],
);

export const communities = pgTable(
  "communities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    baseId: uuid("base_id")
      .notNull()
      .references(() => bases.id),
    townId: uuid("town_id")
      .notNull()
      .references(() => towns.id),
    name: text("name").notNull(),
  },
  (t) => [
    uniqueIndex("communities_town_name").on(t.baseId, t.townId, t.name),
    index("communities_town").on(t.townId),
  ],
);
