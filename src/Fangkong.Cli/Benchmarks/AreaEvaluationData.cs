namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// The SQL that fills a fresh database for <see cref="AreaEvaluationBenchmark"/>. Rows are numbered
/// (ids start at 1 in a fresh database and follow the ORDER BY, so that both providers hold the
/// same rows) and scattered by multiplying by primes, so that compounds
/// spread over the province's communities and cases, contacts and positives over the compounds.
/// </summary>
internal static class AreaEvaluationData
{
    public static IEnumerable<string> Statements(bool pg, int compounds, int perCompound, int cases, int contacts, int communities, DateOnly day)
    {
        var residents = compounds * perCompound;
        var iso = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // Compounds, each in a community.
        yield return $"""
            INSERT INTO compounds (region_code, name)
            SELECT c.code, '小区' || s.i FROM ({Numbers(pg, compounds)}) AS s
            JOIN bench_communities AS c ON c.n = 1 + (s.i * 7919) % {communities}
            ORDER BY s.i
            """;

        // Residents: person i lives in compound 1 + (i - 1) / perCompound.
        yield return $"""
            INSERT INTO persons (document_type, document_number, name, sex, region_code, compound_id, health_code, updated_at)
            SELECT 'ResidentId', 'A' || s.i, '居民', 'Male', c.region_code, c.id, 'Green', '2022-04-01 00:00:00+00:00'
            FROM ({Numbers(pg, residents)}) AS s
            JOIN compounds AS c ON c.id = 1 + (s.i - 1) / {perCompound}
            ORDER BY s.i
            """;

        // New infections over the last 30 days, scattered over the residents.
        yield return $"""
            INSERT INTO cases (case_no, person_id, name, id_number, region_code, type, severity, reported_severity, reported_on, source)
            SELECT 'B' || s.i, p.id, p.name, p.document_number, p.region_code, 'Asymptomatic', NULL, NULL, {Date(pg, iso, "-(s.i % 30)")}, 'LineList'
            FROM ({Numbers(pg, cases)}) AS s
            JOIN persons AS p ON p.id = 1 + (s.i * 7907) % {residents}
            ORDER BY s.i
            """;

        // Close contacts exposed over the last 30 days.
        yield return $"""
            INSERT INTO contacts (contact_no, kind, source_case_no, source_contact_no, id_number, name, region_code, exposure_on, identified_on, released_on,
                policy_version_id, quarantine_place, central_days, home_days, central_test_days, home_test_days)
            SELECT 'K' || s.i, 'Close', 'B1', NULL, p.document_number, '密接', p.region_code, {Date(pg, iso, "-(s.i % 30)")}, {Date(pg, iso, "1 - (s.i % 30)")}, NULL,
                (SELECT id FROM policy_versions WHERE code = 'national-8'), 'Central', 14, 7, '1,4,7,14', ''
            FROM ({Numbers(pg, contacts)}) AS s
            JOIN persons AS p ON p.id = 1 + (s.i * 104729) % {residents}
            ORDER BY s.i
            """;

        // One province-wide round yesterday: 10-in-1 tubes, one in 33 residents not sampled, one tube in 500 positive.
        yield return $"""
            INSERT INTO testing_rounds (name, region_code, starts_at, deadline, pool_size, created_by)
            VALUES ('全省第一轮', '22', {Instant(pg, "2022-04-19T00:00:00+00:00", 1650326400000)}, {Instant(pg, "2022-04-20T00:00:00+00:00", 1650412800000)}, 10, 'bench')
            """;
        var tubes = (residents + 9) / 10;
        yield return $"""
            INSERT INTO tubes (round_id, barcode, pool_size, region_code, sampling_point, opened_at, sample_count, result, lab, reported_at, result_received_at)
            SELECT 1, 'T' || s.i, 10, p.region_code, '采样点', {Instant(pg, "2022-04-19T01:00:00+00:00", 1650330000000)}, 10,
                CASE WHEN s.i % 500 = 0 THEN 'Positive' ELSE 'Negative' END, '市疾控',
                {Instant(pg, "2022-04-19T08:00:00+00:00", 1650355200000)}, {Instant(pg, "2022-04-19T08:00:00+00:00", 1650355200000)}
            FROM ({Numbers(pg, tubes)}) AS s
            JOIN persons AS p ON p.id = (s.i - 1) * 10 + 1
            ORDER BY s.i
            """;
        yield return $"""
            INSERT INTO samples (client_id, round_id, tube_id, person_id, document_number, person_region_code, region_code, sampled_at, sampler)
            SELECT 'S' || p.id, 1, 1 + (p.id - 1) / 10, p.id, p.document_number, p.region_code, p.region_code, {Instant(pg, "2022-04-19T01:30:00+00:00", 1650331800000)}, 'bench'
            FROM persons AS p WHERE p.id % 33 <> 0
            ORDER BY p.id
            """;

        // Designations: one compound in 40 sealed since 20 days, one in 40 controlled since 10 days, every county a precaution area.
        yield return $"""
            INSERT INTO area_designations (unit_kind, region_code, unit_id, unit_name, scheme, level, starts_on, reason, approving_body, approved_by)
            SELECT 'Compound', c.region_code, c.id, c.name, 'SealedControlled', CASE WHEN c.id % 40 = 0 THEN 'Sealed' ELSE 'Controlled' END,
                {Date(pg, iso, "CASE WHEN c.id % 40 = 0 THEN -20 ELSE -10 END")}, '基准数据', '指挥部', 'bench'
            FROM compounds AS c WHERE c.id % 40 IN (0, 1)
            """;
        yield return $"""
            INSERT INTO area_designations (unit_kind, region_code, unit_id, unit_name, scheme, level, starts_on, reason, approving_body, approved_by)
            SELECT 'Region', r.code, NULL, r.name, 'SealedControlled', 'Precaution', {Date(pg, iso, "-20")}, '基准数据', '指挥部', 'bench'
            FROM regions AS r WHERE r.level = 'County' AND r.code LIKE '22%'
            """;
    }

    // PostgreSQL counts with generate_series, SQLite with a recursive CTE.
    private static string Numbers(bool pg, int n) => pg
        ? $"SELECT i FROM generate_series(1::bigint, {n}) AS g(i)"
        : $"WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < {n}) SELECT i FROM g";

    private static string Date(bool pg, string day, string offset) => pg
        ? $"(DATE '{day}' + ({offset})::int)"
        : $"date('{day}', ({offset}) || ' days')";

    /// <summary>Times are timestamptz on PostgreSQL and UTC milliseconds on SQLite (testing tables).</summary>
    private static string Instant(bool pg, string iso, long milliseconds) => pg
        ? $"TIMESTAMPTZ '{iso}'"
        : milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
