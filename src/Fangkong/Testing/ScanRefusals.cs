namespace Fangkong.Testing;

/// <summary>Why a swab is refused, in the words the sampler sees (Chinese first, English in brackets).</summary>
internal static class ScanRefusals
{
    public static string ClientId() =>
        $"客户端编号应为 1–{Sample.ClientIdMaxLength} 个字符 (clientId must have 1 to {Sample.ClientIdMaxLength} characters)";

    public static string IdNumber(string error) => $"证件号码无效：{error} (invalid identity number)";

    public static string Barcode() =>
        $"试管条码应为 1–{Tube.BarcodeMaxLength} 个字符 (tube barcode must have 1 to {Tube.BarcodeMaxLength} characters)";

    public static string PoolSize(int size) => $"混管规格只能是 1、5、10 或 20 (pool size {size} is not one of 1, 5, 10, 20)";

    public static string PointOutsideRound(string region) =>
        $"采样点区划 {region} 不在本轮范围内 (the sampling point's region {region} is outside the round)";

    public static string PointOutsideJurisdiction(string region) =>
        $"采样点区划 {region} 不在您的辖区内 (the sampling point's region {region} is outside your jurisdiction)";

    public static string OtherRound(string barcode) => $"试管 {barcode} 属于另一轮次 (tube {barcode} belongs to another round)";

    // Not "outside your jurisdiction": that would confirm the tube exists elsewhere.
    public static string TubeOutsideJurisdiction(string barcode) => Access.OutsideRecords.Refused("试管", "tube", barcode);

    public static string HasResult(string barcode) => $"试管 {barcode} 已出结果，不能再采样 (tube {barcode} already has a result)";

    public static string SizeMismatch(string barcode, int size, int asked) =>
        $"试管 {barcode} 是 {size} 混 1，不是 {asked} 混 1 (tube {barcode} is a {size}-in-1 tube, not {asked})";

    public static string Full(string barcode, int size) => $"试管 {barcode} 已满（{size} 人）(tube {barcode} is full: {size} of {size})";

    public static string Repeated(string barcode) => $"此人已在试管 {barcode} 中 (this person is already in tube {barcode})";
}
