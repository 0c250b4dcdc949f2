namespace Fangkong.Access;

/// <summary>
/// An entity that belongs to a region. The DbContext filters every query on such entities to
/// the caller's jurisdiction and refuses writes outside it: one central place, not per page.
/// </summary>
public interface IRegionScoped
{
    string RegionCode { get; }
}
