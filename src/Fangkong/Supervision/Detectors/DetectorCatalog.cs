namespace Fangkong.Supervision.Detectors;

/// <summary>The detectors the runner knows; a new detector is one class and one line here.</summary>
public static class DetectorCatalog
{
    public static IReadOnlyList<IFindingDetector> All { get; } =
    [
        new PositivePoolControlDetector(),
        new RoundCoverageDetector(),
        new ClusterInClosedPlaceDetector(),
        new BulletinMismatchDetector(),
        new PassOutsideValidityDetector(),
        new PositivesNotTransferredDetector(),
        new ContactsNotPlacedDetector(),
        new HomeQuarantineBreachDetector(),
        new OverdueRequestsDetector(),
        new MedicalNotDispatchedDetector(),
    ];
}
