using Fangkong.Common;

namespace Fangkong.Testing;

/// <summary>Why a swab is refused, in the words the sampler sees (Chinese first, English in brackets).</summary>
internal static class ScanRefusals
{
    public static string ClientId() =>
        ErrorText.Of("error.testing.clientid-characters", Sample.ClientIdMaxLength);

    public static string IdNumber(string error) => ErrorText.Of("error.testing.invalid-identity-number", error);

    public static string Barcode() =>
        ErrorText.Of("error.testing.tube-barcode-characters", Tube.BarcodeMaxLength);

    public static string PoolSize(int size) => ErrorText.Of("error.testing.pool-size-not-one-2", size);

    public static string PointOutsideRound(string region) =>
        ErrorText.Of("error.testing.sampling-point-s-region-outside", region);

    public static string PointOutsideJurisdiction(string region) =>
        ErrorText.Of("error.testing.sampling-point-s-region-outside-2", region);

    public static string OtherRound(string barcode) => ErrorText.Of("error.testing.tube-belongs-another-round", barcode);

    // Not "outside your jurisdiction": that would confirm the tube exists elsewhere.
    public static string TubeOutsideJurisdiction(string barcode) => Access.OutsideRecords.Refused("试管", "tube", barcode);

    public static string HasResult(string barcode) => ErrorText.Of("error.testing.tube-already-result", barcode);

    public static string SizeMismatch(string barcode, int size, int asked) =>
        ErrorText.Of("error.testing.tube-tube-not", barcode, size, asked);

    public static string Full(string barcode, int size) => ErrorText.Of("error.testing.tube-full", barcode, size);

    public static string Repeated(string barcode) => ErrorText.Of("error.testing.person-already-tube", barcode);
}
