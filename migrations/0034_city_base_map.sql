-- A city's own base map (底图): a tile server or the gazetteer's; null keeps the deployment's.
ALTER TABLE "cities" ADD COLUMN "base_map" jsonb;
