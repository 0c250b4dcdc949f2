using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Cases;

/// <summary>
/// A close contact (密切接触者) of a case, or a secondary contact (次密切接触者) of a close contact,
/// with the quarantine order the plan in force on the day of identification gives, and the id
/// of that plan version: a later version does not rewrite the order. The order's days count from
/// the last exposure (<see cref="QuarantineCalendar"/>).
/// </summary>
public sealed class Contact : IRegionScoped
{
    public const int ContactNoMaxLength = 32;

    private Contact()
    {
        ContactNo = string.Empty;
        IdNumber = string.Empty;
        Name = string.Empty;
        RegionCode = string.Empty;
        CentralTestDays = string.Empty;
        HomeTestDays = string.Empty;
    }

    public long Id { get; private set; }

    public string ContactNo { get; private set; }

    public ContactKind Kind { get; private set; }

    /// <summary>For a close contact: the case it was exposed to.</summary>
    public string? SourceCaseNo { get; private set; }

    /// <summary>For a secondary contact: the close contact it was exposed to.</summary>
    public string? SourceContactNo { get; private set; }

    public string IdNumber { get; private set; }

    public string Name { get; private set; }

    public string RegionCode { get; private set; }

    public DateOnly? ExposureOn { get; private set; }

    public DateOnly IdentifiedOn { get; private set; }

    /// <summary>解除隔离: the day the contact was released from quarantine.</summary>
    public DateOnly? ReleasedOn { get; private set; }

    public long PolicyVersionId { get; private set; }

    public QuarantinePlace QuarantinePlace { get; private set; }

    public int CentralDays { get; private set; }

    public int HomeDays { get; private set; }

    public string CentralTestDays { get; private set; }

    public string HomeTestDays { get; private set; }

    public QuarantineOrder Order => new(PolicyVersionId, QuarantinePlace, CentralDays, HomeDays, CentralTestDays, HomeTestDays);

    /// <summary>The days of the order, counted from the last exposure (see <see cref="QuarantineCalendar"/>).</summary>
    public QuarantineCalendar Calendar => QuarantineCalendar.Of(this);

    /// <summary>The last day of the ordered quarantine (central and home), counted from the last exposure.</summary>
    public DateOnly QuarantineEndsOn => Calendar.EndsOn;

    public sealed record Report(
        string ContactNo,
        ContactKind Kind,
        string? SourceCaseNo,
        string? SourceContactNo,
        string IdNumber,
        string Name,
        string RegionCode,
        DateOnly? ExposureOn,
        DateOnly IdentifiedOn,
        DateOnly? ReleasedOn);

    /// <summary>A new contact under the order of <paramref name="policy"/>, which must be the version in force.</summary>
    public static Result<Contact> Create(Report report, PolicyVersion policy)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(policy);
        if (Check(report) is { } error)
        {
            return error;
        }

        var contact = new Contact { ContactNo = report.ContactNo.Trim() };
        contact.Apply(report, policy);
        return contact;
    }

    /// <summary>
    /// A later report of the same contact. The order is derived again only when what it depends
    /// on changed (kind, region, identification date); otherwise the original decision stands.
    /// </summary>
    public Result<bool> Update(Report report, PolicyVersion policy)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(policy);
        if (Check(report) is { } error)
        {
            return error;
        }

        var rederive = report.Kind != Kind || report.RegionCode != RegionCode || report.IdentifiedOn != IdentifiedOn;
        var changed = rederive || SourceCaseNo != report.SourceCaseNo || SourceContactNo != report.SourceContactNo || IdNumber != report.IdNumber.Trim()
            || Name != report.Name.Trim() || ExposureOn != report.ExposureOn || ReleasedOn != report.ReleasedOn;
        if (rederive)
        {
            Apply(report, policy);
        }
        else
        {
            SourceCaseNo = report.SourceCaseNo;
            SourceContactNo = report.SourceContactNo;
            IdNumber = report.IdNumber.Trim();
            Name = report.Name.Trim();
            ExposureOn = report.ExposureOn;
            ReleasedOn = report.ReleasedOn;
        }

        return changed;
    }

    /// <summary>True when the order depends on the new report (see <see cref="Update"/>).</summary>
    public bool NeedsNewOrder(Report report) =>
        report is not null && (report.Kind != Kind || report.RegionCode != RegionCode || report.IdentifiedOn != IdentifiedOn);

    private void Apply(Report report, PolicyVersion policy)
    {
        Kind = report.Kind;
        SourceCaseNo = report.SourceCaseNo;
        SourceContactNo = report.SourceContactNo;
        IdNumber = report.IdNumber.Trim();
        Name = report.Name.Trim();
        RegionCode = report.RegionCode;
        ExposureOn = report.ExposureOn;
        IdentifiedOn = report.IdentifiedOn;
        ReleasedOn = report.ReleasedOn;
        var order = policy.OrderFor(report.Kind);
        PolicyVersionId = order.PolicyVersionId;
        QuarantinePlace = order.Place;
        CentralDays = order.CentralDays;
        HomeDays = order.HomeDays;
        CentralTestDays = order.CentralTestDays;
        HomeTestDays = order.HomeTestDays;
    }

    private static Error? Check(Report report)
    {
        var no = report.ContactNo?.Trim() ?? string.Empty;
        if (no.Length is 0 or > ContactNoMaxLength)
        {
            return Error.Invalid("contact_no", ErrorText.Of("error.cases.contact-no-characters", ContactNoMaxLength));
        }

        if (string.IsNullOrWhiteSpace(report.Name) || report.Name.Trim().Length > Case.NameMaxLength)
        {
            return Error.Invalid("name", ErrorText.Of("error.quarantine.name-characters", Case.NameMaxLength));
        }

        if ((report.IdNumber?.Trim().Length ?? 0) > Case.IdNumberMaxLength)
        {
            return Error.Invalid("id_number", ErrorText.Of("error.cases.id-number-longer-characters", Case.IdNumberMaxLength));
        }

        if (report.Kind == ContactKind.Close && (report.SourceCaseNo is null || report.SourceContactNo is not null))
        {
            return Error.Invalid("source_case_no", ErrorText.Of("error.cases.close-contact-names-source-case"));
        }

        if (report.Kind == ContactKind.Secondary && (report.SourceContactNo is null || report.SourceCaseNo is not null))
        {
            return Error.Invalid("source_contact_no", ErrorText.Of("error.cases.secondary-contact-names-source-close"));
        }

        if (report.SourceContactNo == no)
        {
            return Error.Invalid("source_contact_no", ErrorText.Of("error.cases.contact-cannot-own-source"));
        }

        if (report.ExposureOn is { } exposed && exposed > report.IdentifiedOn)
        {
            return Error.Invalid("exposure_on", ErrorText.Of("error.cases.exposure-after-identified"));
        }

        if (report.ReleasedOn is { } released && released < report.IdentifiedOn)
        {
            return Error.Invalid("released_on", ErrorText.Of("error.cases.released-before-identified"));
        }

        return null;
    }
}
