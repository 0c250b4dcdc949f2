using Fangkong.Access;
using Fangkong.Livelihood.Requests;

namespace Fangkong.Livelihood.Medical;

/// <summary>A trip as the caller may see it: the patient's name masked for roles without residents' details.</summary>
public static class MedicalTripView
{
    public sealed record Row(
        long Id, long RequestId, string RegionCode, string Patient, MedicalNeed Need, bool Emergency, string Hospital, string? Vehicle, bool HeldForTest,
        DateTimeOffset RequestedAt, DateTimeOffset? DispatchedAt, DateTimeOffset? ArrivedAt, DateTimeOffset? AdmittedAt, double? MinutesToDispatch);

    internal static Row RowOf(MedicalTrip t, ResidentRequest request, Jurisdiction caller, DateTimeOffset now) => new(
        t.Id, t.RequestId, t.RegionCode, Masking.NameFor(request.Name, caller), t.Need, t.Emergency, t.Hospital, t.Vehicle, t.HeldForTest,
        t.RequestedAt, t.DispatchedAt, t.ArrivedAt, t.AdmittedAt, Math.Round(((t.DispatchedAt ?? now) - t.RequestedAt).TotalMinutes, 1));
}
