using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Data.Concurrency;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Livelihood.Requests;

/// <summary>
/// Imports the 12345 hotline's work orders from a CSV file. Every row is checked and placed first;
/// the refused rows are reported exactly (line, field, reason). All or nothing by default: one refused
/// row and nothing is stored. With <c>skipRefused</c> the good rows are stored and the refused ones
/// listed. A ticket already received (by the API or an earlier file) is counted, not stored again.
/// </summary>
public static class ImportHotlineTickets
{
    public const int MaxRows = 500_000;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["工单号"] = "ticket_no",
        ["受理时间"] = "received_at",
        ["诉求类别"] = "kind",
        ["紧急程度"] = "urgency",
        ["姓名"] = "name",
        ["联系电话"] = "phone",
        ["身份证号"] = "id_number",
        ["区县代码"] = "district",
        ["地址"] = "address",
        ["诉求内容"] = "description",
    };

    private static readonly string[] Required = ["ticket_no", "received_at", "kind", "name", "phone", "district", "address", "description"];

    public sealed record RefusedRow(long Line, string? Field, string Reason);

    /// <summary><paramref name="Saved"/> is false when refused rows kept the whole file out.</summary>
    public sealed record Outcome(int Rows, int Added, int AlreadyReceived, int Queued, IReadOnlyList<RefusedRow> Refused, bool Saved);

    public static async Task<Result<Outcome>> HandleAsync(
        FangkongDbContext db, TimeProvider time, LivelihoodOptions options, string path, bool skipRefused, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        var read = CsvFile.Read(path, Aliases, Required);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var records = read.Value!;
        if (records.Count is 0 or > MaxRows)
        {
            return Error.Invalid("file", ErrorText.Of("error.livelihood.import-rows", MaxRows));
        }

        var now = time.GetUtcNow();
        var refused = new List<RefusedRow>();
        var drafts = new List<(long Line, RequestDraft.Checked Draft)>();
        var lineOf = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (!TryTime(r.Get("received_at"), out var receivedAt))
            {
                refused.Add(new RefusedRow(r.Line, "receivedAt", ErrorText.Of("error.livelihood.import-time", r.Get("received_at")).Render()));
                continue;
            }

            var draft = new RequestDraft(
                r.Get("kind"), r.Get("urgency"), r.Get("name"), r.Get("phone"), r.Get("address"), r.Get("description"),
                District: r.Get("district"), IdNumber: r.Get("id_number"), TicketNo: r.Get("ticket_no"), ReceivedAt: receivedAt).Check(RequestSource.Hotline, now);
            if (!draft.IsSuccess)
            {
                refused.Add(new RefusedRow(r.Line, draft.Error!.Field, draft.Error.Message));
            }
            else if (lineOf.TryGetValue(draft.Value!.TicketNo!, out var earlier))
            {
                refused.Add(new RefusedRow(r.Line, "ticketNo", ErrorText.Of("error.livelihood.import-ticket-repeats", draft.Value.TicketNo!, earlier).Render()));
            }
            else
            {
                lineOf[draft.Value.TicketNo!] = r.Line;
                drafts.Add((r.Line, draft.Value));
            }
        }

        var tickets = drafts.Select(d => d.Draft.TicketNo!).ToList();
        var stored = (await db.ResidentRequests().BypassJurisdiction(BypassReason.UniqueNumber)
            .Where(q => q.TicketNo != null && EF.Parameter(tickets).Contains(q.TicketNo)).Select(q => q.TicketNo!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var placer = new RequestPlacer(db);
        var fresh = new List<ResidentRequest>();
        foreach (var (line, d) in drafts.Where(d => !stored.Contains(d.Draft.TicketNo!)))
        {
            var placed = await placer.PlaceAsync(d, ct);
            if (!placed.IsSuccess)
            {
                refused.Add(new RefusedRow(line, placed.Error!.Field, placed.Error.Message));
                continue;
            }

            fresh.Add(new ResidentRequest(d, placed.Value!, RequestClock.DueAt(d.Urgency, d.ReceivedAt, options), db.Jurisdiction.UserName));
        }

        refused.Sort((a, b) => a.Line.CompareTo(b.Line));
        var queued = fresh.Count(f => !f.Placed);
        if (refused.Count > 0 && !skipRefused)
        {
            return new Outcome(records.Count, 0, stored.Count, 0, refused, Saved: false);
        }

        // Every region is checked here, as the DbContext checks a tracked write: the rows bypass change tracking.
        if (fresh.FirstOrDefault(f => !db.Jurisdiction.Covers(f.RegionCode)) is { } outside)
        {
            return Error.Forbidden(ErrorText.Of("error.livelihood.import-outside-jurisdiction", outside.TicketNo!, outside.RegionCode));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await RequestInserter.InsertAsync(db, fresh, ct);
            await db.AuditBulkAsync("import", nameof(ResidentRequest), string.Create(CultureInfo.InvariantCulture,
                $"12345 tickets: {fresh.Count} added ({queued} to district queues), {stored.Count} already received, {refused.Count} refused"), ct);
            await transaction.CommitAsync(ct);
        }
        catch (System.Data.Common.DbException e) when (UniqueViolation.KeyOf(e) is not null)
        {
            return Error.Conflict(ErrorText.Of("error.livelihood.import-ticket-meanwhile"));
        }

        return new Outcome(records.Count, fresh.Count, stored.Count, queued, refused, Saved: true);
    }

    /// <summary>An ISO time with its offset, or a China-local "yyyy-MM-dd HH:mm[:ss]" as the hotline writes it.</summary>
    private static bool TryTime(string text, out DateTimeOffset at)
    {
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            at = new DateTimeOffset(local.DateTime, ChinaTime.Offset);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at) && text.Contains('T', StringComparison.Ordinal);
    }
}
