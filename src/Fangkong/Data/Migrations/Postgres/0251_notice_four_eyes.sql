-- 0251 notice four eyes (Postgres): a notice is drafted by one user, approved by another and then
-- published, and the notice keeps who did each step and when (issue 19, item 5). Notices made before
-- were published as they were composed: they become published by their drafter, with no approval.
ALTER TABLE public_notices ADD COLUMN status character varying(16) NOT NULL DEFAULT 'Draft';
ALTER TABLE public_notices ADD COLUMN approved_by character varying(256);
ALTER TABLE public_notices ADD COLUMN approved_at timestamp with time zone;
ALTER TABLE public_notices ADD COLUMN published_by character varying(256);
ALTER TABLE public_notices ADD COLUMN published_at timestamp with time zone;
UPDATE public_notices SET status = 'Published', published_by = created_by, published_at = created_at;
