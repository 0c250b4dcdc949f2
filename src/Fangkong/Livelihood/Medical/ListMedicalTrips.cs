using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Livelihood.Requests;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Livelihood.Medical;

/// <summary>Trips to hospital in the caller's jurisdiction, newest first, with their times; open ones (not admitted) only if asked.</summary>
public static class ListMedicalTrips
{
    public sealed record Query(bool OpenOnly = false, bool EmergencyOnly = false, int? Page = null, int? PageSize = null);

    public static async Task<Result<Page<MedicalTripView.Row>>> HandleAsync(FangkongDbContext db, TimeProvider time, Query query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(query);
        var now = time.GetUtcNow();
        IQueryable<MedicalTrip> trips = db.MedicalTrips().AsNoTracking();
        if (query.OpenOnly)
        {
            trips = trips.Where(t => t.AdmittedAt == null);
        }

        if (query.EmergencyOnly)
        {
            trips = trips.Where(t => t.Emergency);
        }

        var (number, size) = Page<MedicalTripView.Row>.Clamp(query.Page, query.PageSize);
        var total = await trips.CountAsync(ct);
        var page = await trips.OrderByDescending(t => t.RequestedAt).ThenByDescending(t => t.Id)
            .Skip((number - 1) * size).Take(size)
            .Join(db.ResidentRequests().AsNoTracking(), t => t.RequestId, r => r.Id, (t, r) => new { Trip = t, Request = r })
            .ToListAsync(ct);
        var rows = page.OrderByDescending(p => p.Trip.RequestedAt).ThenByDescending(p => p.Trip.Id).Select(p => MedicalTripView.RowOf(p.Trip, p.Request, db.Jurisdiction, now)).ToList();
        if (rows.Count > 0)
        {
            await db.AuditSearchAsync(nameof(MedicalTrip), string.Create(CultureInfo.InvariantCulture, $"open={query.OpenOnly};emergency={query.EmergencyOnly};page={number}"),
                rows.Select(r => r.Id).ToList(), null, ct);
        }

        return new Page<MedicalTripView.Row>(rows, number, size, total);
    }
}
