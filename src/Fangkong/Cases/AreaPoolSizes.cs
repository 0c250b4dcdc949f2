using Fangkong.Common;
using Fangkong.Testing;

namespace Fangkong.Cases;

/// <summary>
/// The largest pool a plan edition advises by the designation of the area sampled (issue 15,
/// rule 7): single tubes or small pools where the virus is known to be (封控区 / 高风险区), 5-in-1
/// in controlled or medium-risk areas, 10- or 20-in-1 elsewhere. Terms of the plan, kept on its row.
/// </summary>
/// <param name="Sealed">Sealed (封控区) and high-risk (高风险区) areas.</param>
/// <param name="Controlled">Controlled (管控区) and medium-risk (中风险区) areas.</param>
/// <param name="Elsewhere">Precaution and low-risk areas, and areas with no designation.</param>
public sealed record AreaPoolSizes(int Sealed, int Controlled, int Elsewhere)
{
    /// <summary>The 8th edition's values [recalled]: 1, 5 and 10 (migration 0195; the 9th ships 20 elsewhere); a new version's unless given.</summary>
    public static AreaPoolSizes Default { get; } = new(1, 5, 10);

    /// <summary>Each a validated pool size, and never larger where the risk is higher.</summary>
    public Error? Check()
    {
        if (!PoolSizes.IsValid(Sealed) || !PoolSizes.IsValid(Controlled) || !PoolSizes.IsValid(Elsewhere))
        {
            return Error.Invalid("poolSizes", ErrorText.Of("error.rules4.pool-size-not-valid", string.Join('/', PoolSizes.Valid)));
        }

        return Sealed <= Controlled && Controlled <= Elsewhere
            ? null
            : Error.Invalid("poolSizes", ErrorText.Of("error.rules4.pool-sizes-out-of-order", Sealed, Controlled, Elsewhere));
    }
}
