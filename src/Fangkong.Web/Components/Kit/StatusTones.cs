using Fangkong.Accountability;
using Fangkong.Areas;
using Fangkong.Passes;
using Fangkong.Quarantine.Transfers;
using Fangkong.Supervision.Findings;
using Fangkong.Supervision.Inspections;

namespace Fangkong.Web.Components.Kit;

/// <summary>
/// The one mapping from a state to the colour of its <see cref="StatusBadge"/> (the text is the state's
/// localised name, Chinese first). One rule throughout: danger = needs action now or is a red-level
/// area, warning = waiting on someone, info = under way, success = done, secondary = closed without effect.
/// </summary>
public static class StatusTones
{
    public static string Of(FindingStatus status) => status switch
    {
        FindingStatus.Open => "warning",
        FindingStatus.RectificationSubmitted => "info",
        _ => "success",
    };

    public static string Of(AccountabilityStatus status) => status == AccountabilityStatus.Decided ? "success" : "warning";

    public static string Of(TransferState state) => state switch
    {
        TransferState.Waiting => "warning",
        TransferState.Dispatched or TransferState.PickedUp => "info",
        TransferState.Arrived => "primary",
        TransferState.CheckedIn => "success",
        _ => "secondary",
    };

    public static string Of(PassStatus status) => status switch
    {
        PassStatus.Applied => "warning",
        PassStatus.Approved => "success",
        PassStatus.Rejected or PassStatus.Revoked => "danger",
        _ => "secondary",
    };

    /// <summary>封控 red, 管控 orange-ish, 防范 green; a high-risk designation red too.</summary>
    public static string Of(AreaLevel level) => level switch
    {
        AreaLevel.Sealed or AreaLevel.HighRisk => "danger",
        AreaLevel.Controlled or AreaLevel.MediumRisk => "warning",
        AreaLevel.Precaution or AreaLevel.LowRisk => "success",
        _ => "secondary",
    };

    public static string Of(InspectionStatus status) => status switch
    {
        InspectionStatus.Planned => "warning",
        InspectionStatus.InProgress => "info",
        InspectionStatus.Completed => "success",
        _ => "secondary",
    };

    public static string Of(VehicleState state) => state switch
    {
        VehicleState.Available => "success",
        VehicleState.OnTrip => "info",
        VehicleState.Disinfecting => "warning",
        _ => "secondary",
    };
}
