-- The officers' grids (dimension officer_grids, keyed by the officer's username): what each
-- officer's grids filed, and of that what the public reported, per day. From here on each command
-- adds to the officers holding the case's grid as it is written; for the days before, each grid's
-- counts go to the officers holding it now (the only assignment known), which is what the
-- officers' evaluation summed until now. Published days get their frozen copy the same way (rows
-- are only ever inserted there). A row already there is left as it is: harmless run twice.
insert into report_rollups (city, day, dimension, key, filed, public_filed)
select r.city, r.day, 'officer_grids', u.username, sum(r.filed), sum(r.public_filed)
from report_rollups r
join officer_grids og on og.grid_code = r.key
join users u on u.id = og.officer_id
where r.dimension = 'grid' and (r.filed <> 0 or r.public_filed <> 0)
group by r.city, r.day, u.username
on conflict (city, dimension, day, key) do nothing;
--> statement-breakpoint
insert into published_rollups (city, day, dimension, key, filed, public_filed)
select r.city, r.day, 'officer_grids', u.username, sum(r.filed), sum(r.public_filed)
from published_rollups r
join officer_grids og on og.grid_code = r.key
join users u on u.id = og.officer_id
where r.dimension = 'grid' and (r.filed <> 0 or r.public_filed <> 0)
group by r.city, r.day, u.username
on conflict (city, dimension, day, key) do nothing;
