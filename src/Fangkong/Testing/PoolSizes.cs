namespace Fangkong.Testing;

/// <summary>The validated pool sizes (DOMAIN §4): single tubes and 5-, 10- and 20-in-1 pools.</summary>
public static class PoolSizes
{
    public static IReadOnlyList<int> Valid { get; } = [1, 5, 10, 20];

    public static bool IsValid(int size) => Valid.Contains(size);
}
