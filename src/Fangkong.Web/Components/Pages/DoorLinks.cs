namespace Fangkong.Web.Components.Pages;

/// <summary>The addresses of the door-to-door list's page, print view and exports, with the filter kept.</summary>
internal static class DoorLinks
{
    public static string Page(long round, string? community, long? compound, long? building, string? after) =>
        $"testing/{round}/not-sampled{Query(community, compound, building)}" + (after is null ? string.Empty : $"&after={Uri.EscapeDataString(after)}");

    public static string Print(long round, string? community, long? compound, long? building) =>
        $"testing/{round}/not-sampled/print{Query(community, compound, building)}";

    public static string Export(long round, string? community, long? compound, long? building, string format) =>
        $"api/v1/testing/rounds/{round}/not-sampled/export{Query(community, compound, building)}&format={format}";

    private static string Query(string? community, long? compound, long? building) =>
        $"?community={Uri.EscapeDataString(community ?? string.Empty)}"
        + (compound is null ? string.Empty : $"&compound={compound}")
        + (building is null ? string.Empty : $"&building={building}");
}
