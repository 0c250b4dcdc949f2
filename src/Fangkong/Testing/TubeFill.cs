namespace Fangkong.Testing;

/// <summary>
/// The new fill of tubes that were already open, written only while the tube has no result. The
/// batch decided on the tubes as it read them; a lab's result may be committed between that read
/// and this write (a result arrives at any moment during the sampling peak). Without the condition
/// the swab would join a tube whose result no longer covers it: a person marked as tested by a
/// result taken before their swab. With it, the write touches fewer rows than the batch decided on,
/// and <see cref="ResultArrivedException"/> rolls the batch back to be decided again, when its
/// swab for that tube is refused as <see cref="ScanRefusals.HasResult"/>.
/// The write raises the tube's <c>version</c> (its concurrency token, ADR 0018) as an EF save does:
/// otherwise a result or a correction saved from a copy read before this fill would still match
/// its version and overwrite the fill's change unseen (a result covering a swab its lab never had).
/// </summary>
internal static class TubeFill
{
    public const string PostgresSql =
        "UPDATE tubes SET sample_count = f.n, version = tubes.version + 1 FROM unnest(@ids, @counts) AS f(id, n) WHERE tubes.id = f.id AND tubes.result IS NULL";

    public const string SqliteSql = "UPDATE tubes SET sample_count = $count, version = version + 1 WHERE id = $id AND result IS NULL";

    /// <summary>Throws when some tube of <paramref name="filled"/> was not updated: its result came first.</summary>
    public static void EnsureAllUpdated(int updated, IReadOnlyCollection<Tube> filled)
    {
        if (updated != filled.Count)
        {
            throw new ResultArrivedException(filled.Count - updated);
        }
    }

    /// <summary>A result was written to a tube after the batch read it and before its swabs were written.</summary>
    internal sealed class ResultArrivedException(int tubes)
        : InvalidOperationException($"{tubes} tube(s) received a result while the batch was being written.");
}
