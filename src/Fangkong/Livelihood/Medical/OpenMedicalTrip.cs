using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Livelihood.Requests;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Livelihood.Medical;

/// <summary>
/// Opens the trip to hospital of a medical-care request: its need and designated hospital, and
/// whether it waits for a test result (refused for an emergency). One trip per request: a second
/// open answers the first trip.
/// </summary>
public static class OpenMedicalTrip
{
    public sealed record Command(long? RequestId, MedicalNeed? Need, string? Hospital, bool HeldForTest = false);

    public static async Task<Result<MedicalTripView.Row>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        if (command.RequestId is not { } requestId)
        {
            return Error.Invalid("requestId", ErrorText.Of("error.livelihood.request-number-needed"));
        }

        if (command.Need is not { } need || !Enum.IsDefined(need))
        {
            return Error.Invalid("need", ErrorText.Of("error.livelihood.medical-need-needed"));
        }

        var hospital = command.Hospital?.Trim() ?? string.Empty;
        if (hospital.Length is 0 or > MedicalTrip.HospitalMaxLength)
        {
            return Error.Invalid("hospital", ErrorText.Of("error.livelihood.medical-hospital-needed", MedicalTrip.HospitalMaxLength));
        }

        var request = await db.ResidentRequests().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return Error.NotFound(ErrorText.Of("error.livelihood.request-not-found", requestId));
        }

        if (request.Kind != RequestKind.MedicalCare)
        {
            return Error.Conflict(ErrorText.Of("error.livelihood.medical-trip-medical-care-only", requestId));
        }

        if (await db.MedicalTrips().AsNoTracking().FirstOrDefaultAsync(t => t.RequestId == requestId, ct) is { } open)
        {
            return MedicalTripView.RowOf(open, request, db.Jurisdiction, time.GetUtcNow());
        }

        var emergency = request.Urgency == RequestUrgency.Emergency || need == MedicalNeed.Emergency;
        if (MedicalTrip.HoldError(emergency, command.HeldForTest) is { } held)
        {
            return held;
        }

        var trip = new MedicalTrip(request, need, hospital, command.HeldForTest);
        db.MedicalTrips().Add(trip);
        await db.SaveChangesAsync(ct);
        return MedicalTripView.RowOf(trip, request, db.Jurisdiction, time.GetUtcNow());
    }
}
