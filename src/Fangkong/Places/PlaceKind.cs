namespace Fangkong.Places;

/// <summary>Kinds of key place (重点场所); each has its own rules in later modules.</summary>
public enum PlaceKind
{
    Hospital,
    NursingHome,
    School,
    University,
    Enterprise,
    ConstructionSite,
    Market,
    Supermarket,
    Hotel,
}
