namespace Fangkong.Organisations;

public enum OrganisationKind
{
    PartyCommittee,
    GovernmentDepartment,
    Hospital,
    Enterprise,
    CommunityCommittee,
    School,
    Other,
}
