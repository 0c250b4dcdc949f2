using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// Runs the detectors that are due (or all, when forced) as the system, and raises a finding for
/// each problem not raised before: the dedupe key is unique in the database, so the same problem
/// is never raised twice, not even by two runners at once (the second insert is refused and
/// counted as a duplicate). A detector that fails is recorded and does not stop the others.
/// </summary>
public static class RunDetectors
{
    public const string RaisedBy = "system:detector";

    public sealed record Command(IReadOnlyList<IFindingDetector> Detectors, Func<string, DetectorSettings> Settings, bool Force = false, string? Only = null);

    /// <param name="Unassigned">Problems for which no unit with an official was found: logged, not raised.</param>
    public sealed record Line(string Key, bool Ran, int Detected, int Raised, int Duplicates, IReadOnlyList<string> Unassigned, string? Error);

    public sealed record Report(IReadOnlyList<Line> Lines)
    {
        public int Raised => Lines.Sum(l => l.Raised);
    }

    public static async Task<Report> HandleAsync(FangkongDbContext system, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(command);
        var lines = new List<Line>();
        foreach (var detector in command.Detectors.Where(d => command.Only is null || d.Key == command.Only))
        {
            var settings = command.Settings(detector.Key);
            var now = time.GetUtcNow();
            var run = await system.DetectorRuns.FirstOrDefaultAsync(r => r.Key == detector.Key, ct);
            if (run is null)
            {
                // Saved at once, so that a rolled-back finding never takes the schedule's row with it.
                run = new DetectorRun(detector.Key);
                system.DetectorRuns.Add(run);
                await system.SaveChangesAsync(ct);
            }

            if (!settings.Enabled || (!command.Force && !run.IsDue(now, settings.Interval(detector.DefaultInterval))))
            {
                lines.Add(new Line(detector.Key, false, 0, 0, 0, [], null));
                continue;
            }

            Line line;
            try
            {
                var detected = await detector.DetectAsync(system, settings, now, ct);
                line = await RaiseAsync(system, detector, settings, detected, now, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                system.ChangeTracker.Clear();
                line = new Line(detector.Key, true, 0, 0, 0, [], e.Message);
                run = await system.DetectorRuns.SingleAsync(r => r.Key == detector.Key, ct);
            }

            run.Ran(now, line.Detected, line.Raised, line.Error);
            await system.SaveChangesAsync(ct);
            lines.Add(line);
        }

        return new Report(lines);
    }

    private static async Task<Line> RaiseAsync(
        FangkongDbContext system, IFindingDetector detector, DetectorSettings settings, IReadOnlyList<DetectedFinding> detected, DateTimeOffset now, CancellationToken ct)
    {
        var keys = detected.Select(d => d.DedupeKey).Distinct(StringComparer.Ordinal).ToList();
        var known = (await system.Findings.AsNoTracking()
                .Where(f => f.DedupeKey != null && EF.Parameter(keys).Contains(f.DedupeKey))
                .Select(f => f.DedupeKey!)
                .ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        int raised = 0, duplicates = 0;
        var unassigned = new List<string>();
        // Problems of one run often share a place, unit or community: find each owner once.
        var owners = new Dictionary<(long?, long?, string), ResponsibleOwner.Owner?>();
        foreach (var problem in detected.DistinctBy(d => d.DedupeKey, StringComparer.Ordinal))
        {
            if (known.Contains(problem.DedupeKey))
            {
                duplicates++;
                continue;
            }

            var at = (problem.PlaceId, problem.OrganisationId, problem.RegionCode);
            if (!owners.TryGetValue(at, out var owner))
            {
                owners[at] = owner = await ResponsibleOwner.FindAsync(system, problem.PlaceId, problem.OrganisationId, problem.RegionCode, ct);
            }
            if (owner is null)
            {
                unassigned.Add(problem.DedupeKey);
                continue;
            }

            var draft = new Finding.Draft(
                FindingSource.Detector, owner.RegionCode, problem.Title, problem.Description, problem.Category, problem.Severity,
                owner.OrganisationId, owner.Unit, owner.OfficialId, owner.Person.Truncate(Finding.NameMaxLength), now + settings.Deadline, RaisedBy, now,
                DetectorKey: detector.Key, DedupeKey: problem.DedupeKey);
            var finding = Finding.Raise(draft);
            if (!finding.IsSuccess)
            {
                throw new InvalidOperationException($"Detector {detector.Key} produced an invalid finding {problem.DedupeKey}: {finding.Error!.Message}");
            }

            if (await RaiseOneAsync(system, finding.Value!, detector.Title, ct))
            {
                raised++;
            }
            else
            {
                duplicates++;
            }
        }

        return new Line(detector.Key, true, detected.Count, raised, duplicates, unassigned, null);
    }

    /// <summary>Saves a finding with its first event; false when another runner raised the same key first.</summary>
    private static async Task<bool> RaiseOneAsync(FangkongDbContext system, Finding finding, string detectorTitle, CancellationToken ct)
    {
        await using var transaction = await system.Database.BeginTransactionAsync(ct);
        system.Findings.Add(finding);
        try
        {
            await system.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The failed insert aborted PostgreSQL's transaction: roll back, then look whether the key won the race.
            await transaction.RollbackAsync(ct);
            system.Entry(finding).State = EntityState.Detached;
            if (await system.Findings.AsNoTracking().AnyAsync(f => f.DedupeKey == finding.DedupeKey, ct))
            {
                return false;
            }

            throw;
        }

        system.FindingEvents.Add(new FindingEvent(finding, FindingAction.Raised, RaisedBy, finding.RaisedAt, detectorTitle));
        await system.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

}
