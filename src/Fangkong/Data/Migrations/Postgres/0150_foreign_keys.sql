-- 0150 foreign keys (Postgres, issue 13 item 5): the references that ADR 0025 gives a foreign key
-- and that had none: within one capability, and to the hand-kept registers of places and
-- organisations. Each refuses the delete of a row still referred to (NO ACTION, EF's Restrict):
-- nothing in Fangkong deletes these rows, and a row pointing at nothing is a bug to see, not to
-- cascade. docs/schema.md lists every *_id column left without one and why.
-- Existing rows are checked as each key is added: a database holding a reference to a missing row
-- stops here with the key's name; docs/schema.md gives the query that finds such rows.
-- A key's column gets an index where none leads with it (EF's model declares one per key): it
-- serves the check on the referenced side and the joins along the reference.

ALTER TABLE area_designations ADD CONSTRAINT fk_area_designations_area_proposals_proposal_id FOREIGN KEY (proposal_id) REFERENCES area_proposals (id);
CREATE INDEX ix_area_designations_proposal_id ON area_designations (proposal_id);

ALTER TABLE cluster_events ADD CONSTRAINT fk_cluster_events_clusters_other_cluster_id FOREIGN KEY (other_cluster_id) REFERENCES clusters (id);
CREATE INDEX ix_cluster_events_other_cluster_id ON cluster_events (other_cluster_id);

ALTER TABLE clusters ADD CONSTRAINT fk_clusters_clusters_merged_into_id FOREIGN KEY (merged_into_id) REFERENCES clusters (id);
ALTER TABLE clusters ADD CONSTRAINT fk_clusters_places_place_id FOREIGN KEY (place_id) REFERENCES places (id);
CREATE INDEX ix_clusters_merged_into_id ON clusters (merged_into_id);
CREATE INDEX ix_clusters_place_id ON clusters (place_id);

ALTER TABLE community_alerts ADD CONSTRAINT fk_community_alerts_testing_rounds_round_id FOREIGN KEY (round_id) REFERENCES testing_rounds (id);
ALTER TABLE community_alerts ADD CONSTRAINT fk_community_alerts_tubes_tube_id FOREIGN KEY (tube_id) REFERENCES tubes (id);
CREATE INDEX ix_community_alerts_round_id ON community_alerts (round_id);

ALTER TABLE confirmation_tasks ADD CONSTRAINT fk_confirmation_tasks_antigen_reports_antigen_report_id FOREIGN KEY (antigen_report_id) REFERENCES antigen_reports (id);
ALTER TABLE confirmation_tasks ADD CONSTRAINT fk_confirmation_tasks_tubes_tube_id FOREIGN KEY (tube_id) REFERENCES tubes (id);
CREATE INDEX ix_confirmation_tasks_antigen_report_id ON confirmation_tasks (antigen_report_id);
CREATE INDEX ix_confirmation_tasks_tube_id ON confirmation_tasks (tube_id);

ALTER TABLE control_orders ADD CONSTRAINT fk_control_orders_testing_rounds_round_id FOREIGN KEY (round_id) REFERENCES testing_rounds (id);
ALTER TABLE control_orders ADD CONSTRAINT fk_control_orders_tubes_tube_id FOREIGN KEY (tube_id) REFERENCES tubes (id);
CREATE INDEX ix_control_orders_round_id ON control_orders (round_id);

ALTER TABLE positive_persons ADD CONSTRAINT fk_positive_persons_testing_rounds_round_id FOREIGN KEY (round_id) REFERENCES testing_rounds (id);
ALTER TABLE positive_persons ADD CONSTRAINT fk_positive_persons_tubes_tube_id FOREIGN KEY (tube_id) REFERENCES tubes (id);
CREATE INDEX ix_positive_persons_round_id ON positive_persons (round_id);

ALTER TABLE resample_tasks ADD CONSTRAINT fk_resample_tasks_testing_rounds_round_id FOREIGN KEY (round_id) REFERENCES testing_rounds (id);
ALTER TABLE resample_tasks ADD CONSTRAINT fk_resample_tasks_tubes_source_tube_id FOREIGN KEY (source_tube_id) REFERENCES tubes (id);
ALTER TABLE resample_tasks ADD CONSTRAINT fk_resample_tasks_tubes_retest_tube_id FOREIGN KEY (retest_tube_id) REFERENCES tubes (id);
CREATE INDEX ix_resample_tasks_retest_tube_id ON resample_tasks (retest_tube_id);

ALTER TABLE tubes ADD CONSTRAINT fk_tubes_sampling_points_sampling_point_id FOREIGN KEY (sampling_point_id) REFERENCES sampling_points (id);
CREATE INDEX ix_tubes_sampling_point_id ON tubes (sampling_point_id);

ALTER TABLE sampling_points ADD CONSTRAINT fk_sampling_points_places_place_id FOREIGN KEY (place_id) REFERENCES places (id);
CREATE INDEX ix_sampling_points_place_id ON sampling_points (place_id);

ALTER TABLE findings ADD CONSTRAINT fk_findings_inspections_inspection_id FOREIGN KEY (inspection_id) REFERENCES inspections (id);
ALTER TABLE findings ADD CONSTRAINT fk_findings_inspection_results_inspection_result_id FOREIGN KEY (inspection_result_id) REFERENCES inspection_results (id);
ALTER TABLE findings ADD CONSTRAINT fk_findings_inspections_verified_by_inspection_id FOREIGN KEY (verified_by_inspection_id) REFERENCES inspections (id);
CREATE INDEX ix_findings_inspection_result_id ON findings (inspection_result_id);
CREATE INDEX ix_findings_verified_by_inspection_id ON findings (verified_by_inspection_id);

ALTER TABLE inspection_results ADD CONSTRAINT fk_inspection_results_findings_finding_id FOREIGN KEY (finding_id) REFERENCES findings (id);
CREATE INDEX ix_inspection_results_finding_id ON inspection_results (finding_id);

ALTER TABLE inspections ADD CONSTRAINT fk_inspections_inspections_review_of_inspection_id FOREIGN KEY (review_of_inspection_id) REFERENCES inspections (id);
ALTER TABLE inspections ADD CONSTRAINT fk_inspections_places_place_id FOREIGN KEY (place_id) REFERENCES places (id);
ALTER TABLE inspections ADD CONSTRAINT fk_inspections_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id);
CREATE INDEX ix_inspections_review_of_inspection_id ON inspections (review_of_inspection_id);
CREATE INDEX ix_inspections_place_id ON inspections (place_id);
CREATE INDEX ix_inspections_organisation_id ON inspections (organisation_id);

ALTER TABLE pass_events ADD CONSTRAINT fk_pass_events_passes_pass_id FOREIGN KEY (pass_id) REFERENCES passes (id);

ALTER TABLE passes ADD CONSTRAINT fk_passes_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id);

ALTER TABLE pass_quotas ADD CONSTRAINT fk_pass_quotas_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id);

ALTER TABLE public_notice_items ADD CONSTRAINT fk_public_notice_items_accountability_cases_case_id FOREIGN KEY (case_id) REFERENCES accountability_cases (id);

ALTER TABLE placements ADD CONSTRAINT fk_placements_site_sections_section_id FOREIGN KEY (section_id) REFERENCES site_sections (id);
ALTER TABLE placements ADD CONSTRAINT fk_placements_quarantine_rooms_room_id FOREIGN KEY (room_id) REFERENCES quarantine_rooms (id);
ALTER TABLE placements ADD CONSTRAINT fk_placements_hospital_beds_bed_id FOREIGN KEY (bed_id) REFERENCES hospital_beds (id);
ALTER TABLE placements ADD CONSTRAINT fk_placements_placements_dependant_of_placement_id FOREIGN KEY (dependant_of_placement_id) REFERENCES placements (id);
ALTER TABLE placements ADD CONSTRAINT fk_placements_placements_previous_placement_id FOREIGN KEY (previous_placement_id) REFERENCES placements (id);
ALTER TABLE placements ADD CONSTRAINT fk_placements_allocation_runs_allocation_run_id FOREIGN KEY (allocation_run_id) REFERENCES allocation_runs (id);
CREATE INDEX ix_placements_dependant_of_placement_id ON placements (dependant_of_placement_id);
CREATE INDEX ix_placements_previous_placement_id ON placements (previous_placement_id);
CREATE INDEX ix_placements_allocation_run_id ON placements (allocation_run_id);

ALTER TABLE space_turnovers ADD CONSTRAINT fk_space_turnovers_quarantine_sites_site_id FOREIGN KEY (site_id) REFERENCES quarantine_sites (id);
ALTER TABLE space_turnovers ADD CONSTRAINT fk_space_turnovers_quarantine_rooms_room_id FOREIGN KEY (room_id) REFERENCES quarantine_rooms (id);
ALTER TABLE space_turnovers ADD CONSTRAINT fk_space_turnovers_hospital_beds_bed_id FOREIGN KEY (bed_id) REFERENCES hospital_beds (id);
ALTER TABLE space_turnovers ADD CONSTRAINT fk_space_turnovers_placements_placement_id FOREIGN KEY (placement_id) REFERENCES placements (id);
CREATE INDEX ix_space_turnovers_placement_id ON space_turnovers (placement_id);

ALTER TABLE stay_tests ADD CONSTRAINT fk_stay_tests_quarantine_sites_site_id FOREIGN KEY (site_id) REFERENCES quarantine_sites (id);

ALTER TABLE transfer_batches ADD CONSTRAINT fk_transfer_batches_quarantine_sites_site_id FOREIGN KEY (site_id) REFERENCES quarantine_sites (id);
CREATE INDEX ix_transfer_batches_site_id ON transfer_batches (site_id);

ALTER TABLE transfer_tasks ADD CONSTRAINT fk_transfer_tasks_placements_placement_id FOREIGN KEY (placement_id) REFERENCES placements (id);
ALTER TABLE transfer_tasks ADD CONSTRAINT fk_transfer_tasks_quarantine_sites_site_id FOREIGN KEY (site_id) REFERENCES quarantine_sites (id);
ALTER TABLE transfer_tasks ADD CONSTRAINT fk_transfer_tasks_transfer_batches_batch_id FOREIGN KEY (batch_id) REFERENCES transfer_batches (id);
CREATE INDEX ix_transfer_tasks_site_id ON transfer_tasks (site_id);

ALTER TABLE closed_loop_groups ADD CONSTRAINT fk_closed_loop_groups_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id);
ALTER TABLE closed_loop_groups ADD CONSTRAINT fk_closed_loop_groups_places_place_id FOREIGN KEY (place_id) REFERENCES places (id);
CREATE INDEX ix_closed_loop_groups_organisation_id ON closed_loop_groups (organisation_id);
CREATE INDEX ix_closed_loop_groups_place_id ON closed_loop_groups (place_id);

ALTER TABLE investigation_itinerary ADD CONSTRAINT fk_investigation_itinerary_places_place_id FOREIGN KEY (place_id) REFERENCES places (id);
CREATE INDEX ix_investigation_itinerary_place_id ON investigation_itinerary (place_id);

ALTER TABLE organisations ADD CONSTRAINT fk_organisations_places_place_id FOREIGN KEY (place_id) REFERENCES places (id);
CREATE INDEX ix_organisations_place_id ON organisations (place_id);
