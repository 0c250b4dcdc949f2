using Fangkong.Common;
using Fangkong.Common.Input;
using Fangkong.Persons;

namespace Fangkong.Livelihood.Requests;

/// <summary>
/// A request as it comes in, from any of the three doors, and its checks: each refusal names its
/// field. The same checks for the hotline's API, its CSV rows, the staff's form and the public page.
/// </summary>
public sealed record RequestDraft(
    string? Kind,
    string? Urgency,
    string? Name,
    string? Phone,
    string? Address,
    [MultiLine] string? Description,
    string? District = null,
    string? RegionCode = null,
    long? CompoundId = null,
    string? IdNumber = null,
    string? TicketNo = null,
    [Happened] DateTimeOffset? ReceivedAt = null)
{
    /// <summary>The draft after its checks: trimmed, typed, the phone normalised.</summary>
    internal sealed record Checked(
        RequestSource Source, string? TicketNo, RequestKind Kind, RequestUrgency Urgency, string Name, string Phone, string? IdNumber,
        string Address, string Description, string? District, string? RegionCode, long? CompoundId, DateTimeOffset ReceivedAt);

    internal Result<Checked> Check(RequestSource source, DateTimeOffset now)
    {
        if (RequestNames.Kind(Kind) is not { } kind)
        {
            return Error.Invalid("kind", ErrorText.Of("error.livelihood.request-kind-unknown", Kind ?? string.Empty));
        }

        var urgency = string.IsNullOrWhiteSpace(Urgency) ? RequestUrgency.Normal : RequestNames.Urgency(Urgency);
        if (urgency is null)
        {
            return Error.Invalid("urgency", ErrorText.Of("error.livelihood.request-urgency-unknown", Urgency));
        }

        var name = Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > ResidentRequest.NameMaxLength)
        {
            return Error.Invalid("name", ErrorText.Of("error.livelihood.request-name-needed", ResidentRequest.NameMaxLength));
        }

        if (PersonRowValidator.NormalisePhone(Phone ?? string.Empty) is not { } phone)
        {
            return Error.Invalid("phone", ErrorText.Of("error.livelihood.request-phone-mobile"));
        }

        var address = Address?.Trim() ?? string.Empty;
        if (address.Length is 0 or > ResidentRequest.AddressMaxLength)
        {
            return Error.Invalid("address", ErrorText.Of("error.livelihood.request-address-needed", ResidentRequest.AddressMaxLength));
        }

        var description = Description?.Trim() ?? string.Empty;
        if (description.Length is 0 or > ResidentRequest.DescriptionMaxLength)
        {
            return Error.Invalid("description", ErrorText.Of("error.livelihood.request-description-needed", ResidentRequest.DescriptionMaxLength));
        }

        string? idNumber = null;
        if (!string.IsNullOrWhiteSpace(IdNumber))
        {
            if (!Persons.IdNumber.TryParse(IdNumber, out var id, out var idError))
            {
                return Error.Invalid("idNumber", ErrorText.Of("error.livelihood.request-id-number-invalid", idError));
            }

            idNumber = id.Value;
        }

        var ticket = TicketNo?.Trim();
        if (source == RequestSource.Hotline && (string.IsNullOrEmpty(ticket) || ticket.Length > ResidentRequest.TicketMaxLength))
        {
            return Error.Invalid("ticketNo", ErrorText.Of("error.livelihood.request-ticket-needed", ResidentRequest.TicketMaxLength));
        }

        var received = source == RequestSource.Hotline ? ReceivedAt ?? now : now;
        if (received > now + TimeSpan.FromMinutes(5))
        {
            return Error.Invalid("receivedAt", ErrorText.Of("error.livelihood.request-received-future"));
        }

        string? district = null;
        if (!string.IsNullOrWhiteSpace(District))
        {
            district = Regions.RegionCode.Normalise(District.Trim());
            if (district is null || district.Length != 6)
            {
                return Error.Invalid("district", ErrorText.Of("error.livelihood.request-district-code", District));
            }
        }

        string? region = null;
        if (!string.IsNullOrWhiteSpace(RegionCode))
        {
            region = Regions.RegionCode.Normalise(RegionCode.Trim());
            if (region is null || region.Length != 12)
            {
                return Error.Invalid("regionCode", ErrorText.Of("error.livelihood.request-community-code", RegionCode));
            }
        }

        return new Checked(
            source, source == RequestSource.Hotline ? ticket : null, kind, urgency.Value, name, phone, idNumber, address, description,
            district, region, CompoundId, received);
    }
}
