namespace Fangkong.Persons;

/// <summary>
/// What a bulk load did: rows read, persons inserted and updated (a document seen twice counts
/// once as inserted or updated and then as updated), and the residences it had to create.
/// </summary>
public sealed record BulkLoadSummary(
    long Rows,
    long Inserted,
    long Updated,
    int CompoundsCreated,
    int BuildingsCreated,
    int UnitsCreated,
    TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}
