using Fangkong.Access;

namespace Fangkong.Testing;

/// <summary>
/// One swab in a tube (a scan): who, when, where, by whom. The client-generated id makes a
/// retried batch harmless. The person may be registered elsewhere or not at all (visitors are
/// sampled too: "不落一人"), so the document number is kept and the person id is optional.
/// </summary>
public sealed class Sample : IRegionScoped
{
    public const int ClientIdMaxLength = 64;
    public const int SamplerMaxLength = 100;

    private Sample()
    {
        ClientId = string.Empty;
        DocumentNumber = string.Empty;
        RegionCode = string.Empty;
        Sampler = string.Empty;
    }

    public Sample(string clientId, long roundId, long tubeId, string pointRegionCode, long? personId, string documentNumber, string? personRegionCode, DateTimeOffset sampledAt, string sampler)
    {
        ClientId = clientId;
        RoundId = roundId;
        TubeId = tubeId;
        PersonId = personId;
        DocumentNumber = documentNumber;
        PersonRegionCode = personRegionCode;
        RegionCode = pointRegionCode;
        SampledAt = sampledAt.ToUniversalTime();
        Sampler = sampler;
    }

    public long Id { get; private set; }

    public string ClientId { get; private set; }

    public long RoundId { get; private set; }

    public long TubeId { get; private set; }

    public long? PersonId { get; private set; }

    public string DocumentNumber { get; private set; }

    /// <summary>Where the person is registered (for coverage), null for someone not registered.</summary>
    public string? PersonRegionCode { get; private set; }

    /// <summary>The region of the sampling point (for jurisdiction).</summary>
    public string RegionCode { get; private set; }

    public DateTimeOffset SampledAt { get; private set; }

    public string Sampler { get; private set; }
}
