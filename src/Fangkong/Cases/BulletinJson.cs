namespace Fangkong.Cases;

/// <summary>
/// The bulletin as the CLI and the API give it: every figure the texts state (new cases by unit
/// and type, conversions, where found, outcomes, deaths, recoveries to date, in hospital, the
/// 出院/入院 run, contacts since the outbreak's start), the Chinese text and its English rendering.
/// </summary>
public sealed record BulletinJson(
    DateOnly Date,
    BulletinJson.RegionRef Region,
    NewConfirmed NewConfirmed,
    UnitFigures NewAsymptomatic,
    UnitFigures Discharged,
    UnitFigures ReleasedFromObservation,
    ContactsToDate ContactsToDate,
    ImportedCases Imported,
    CaseStanding? Standing,
    FoundWhere? Found,
    string Text,
    string TextEn)
{
    public sealed record RegionRef(string Code, string Name);

    public static BulletinJson From(DailyBulletin bulletin)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        return new BulletinJson(
            bulletin.Date,
            new RegionRef(bulletin.Region.Code, bulletin.Region.Name),
            bulletin.NewConfirmed,
            bulletin.NewAsymptomatic,
            bulletin.Discharged,
            bulletin.ReleasedFromObservation,
            bulletin.ContactsToDate,
            bulletin.Imported ?? new ImportedCases(0, 0),
            bulletin.Standing,
            bulletin.Found,
            BulletinTextZh.Render(bulletin),
            BulletinTextEn.Render(bulletin));
    }
}
