using Fangkong.Access;

namespace Fangkong.Organisations;

/// <summary>An official (干部/工作人员) holding a post in a unit; supervision acts on officials.</summary>
public sealed class Official : IRegionScoped
{
    public const int NameMaxLength = 50;
    public const int PostMaxLength = 100;

    private Official()
    {
        Name = string.Empty;
        Post = string.Empty;
        RegionCode = string.Empty;
    }

    public Official(Organisation organisation, string name, string post, bool isPartyMember)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(post);
        OrganisationId = organisation.Id;
        RegionCode = organisation.RegionCode;
        Name = name.Trim();
        Post = post.Trim();
        IsPartyMember = isPartyMember;
    }

    public long Id { get; private set; }

    public long OrganisationId { get; private set; }

    /// <summary>The unit's region, copied so that officials are scoped like everything else.</summary>
    public string RegionCode { get; private set; }

    public string Name { get; private set; }

    public string Post { get; private set; }

    public bool IsPartyMember { get; private set; }

    public long? PersonId { get; set; }
}
