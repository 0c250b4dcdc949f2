using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Passes;

/// <summary>A unit applies for a pass for a person and/or a vehicle, valid in some regions for a time.</summary>
public static class ApplyForPass
{
    public sealed record Command(
        string? Kind, long? OrganisationId, IReadOnlyList<string>? Regions, string? HolderName, string? HolderIdNumber,
        string? Plate, string? Purpose, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo);

    public sealed record Applied(long Id, PassStatus Status, ApprovalLevel Level);

    public static async Task<Result<Applied>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        if (!PassKinds.TryParse(command.Kind, out var kind))
        {
            return Error.Invalid("kind", ErrorText.Of("error.passes.unknown-pass-kind-one", command.Kind, ErrorText.Plain(string.Join(", ", Enum.GetNames<PassKind>()))));
        }

        var unit = command.OrganisationId is { } orgId ? await db.Organisations.FirstOrDefaultAsync(o => o.Id == orgId, ct) : null;
        if (unit is null)
        {
            return Error.Invalid("organisationId", ErrorText.Of("error.passes.applicant-unit-not-registered-jurisdiction"));
        }

        var regions = new List<string>();
        foreach (var text in command.Regions ?? [])
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var code = Regions.RegionCode.Normalise(text);
            if (code is null)
            {
                return Error.Invalid("regions", ErrorText.Of("error.testing.not-region-code", text));
            }

            if (!regions.Contains(code, StringComparer.Ordinal))
            {
                regions.Add(code);
            }
        }

        if (regions.Count is 0 or > Pass.MaxRegions)
        {
            return Error.Invalid("regions", ErrorText.Of("error.passes.pass-valid-regions", Pass.MaxRegions));
        }

        var known = await db.Regions.AsNoTracking().Where(r => regions.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct);
        if (regions.FirstOrDefault(r => !known.Contains(r)) is { } unknown)
        {
            return Error.Invalid("regions", ErrorText.Of("error.testing.region-not-registry", unknown));
        }

        var name = command.HolderName?.Trim();
        var idText = command.HolderIdNumber?.Trim();
        string? idNumber = null;
        if (!string.IsNullOrEmpty(idText))
        {
            if (!IdNumber.TryParse(idText, out var parsed, out var why))
            {
                return Error.Invalid("holderIdNumber", ErrorText.Of("error.closed-loop.identity-number-not-valid", why));
            }

            idNumber = parsed.Value;
        }

        string? plate = null;
        if (!string.IsNullOrWhiteSpace(command.Plate) && !VehiclePlate.TryNormalise(command.Plate, out plate))
        {
            return Error.Invalid("plate", ErrorText.Of("error.passes.plate-not-chinese-plate", command.Plate));
        }

        if (idNumber is null && plate is null)
        {
            return Error.Invalid("holderIdNumber", ErrorText.Of("error.passes.pass-needs-holder-s-identity"));
        }

        if (idNumber is not null && string.IsNullOrEmpty(name))
        {
            return Error.Invalid("holderName", ErrorText.Of("error.passes.holder-s-name-missing"));
        }

        if (name is { Length: > Pass.HolderNameMaxLength })
        {
            return Error.Invalid("holderName", ErrorText.Of("error.passes.name-over-characters", Pass.HolderNameMaxLength));
        }

        var purpose = command.Purpose?.Trim() ?? string.Empty;
        if (purpose.Length is 0 or > Pass.PurposeMaxLength)
        {
            return Error.Invalid("purpose", ErrorText.Of("error.passes.purpose-characters-needed", Pass.PurposeMaxLength));
        }

        var now = time.GetUtcNow();
        var from = command.ValidFrom ?? now;
        var to = command.ValidTo ?? from.AddDays(1);
        if (to <= from || to - from > Pass.MaxValidity)
        {
            return Error.Invalid("validTo", ErrorText.Of("error.passes.validity-end-after-starts-last", Pass.MaxValidity.TotalDays));
        }

        if (to <= now)
        {
            return Error.Invalid("validTo", ErrorText.Of("error.passes.validity-already-ended"));
        }

        var pass = new Pass(kind, unit.Id, unit.RegionCode, regions, string.IsNullOrEmpty(name) ? null : name, idNumber, plate, purpose, from, to, db.Jurisdiction.UserName, now);
        db.Passes.Add(pass);
        await db.SaveChangesAsync(ct);
        db.PassEvents.Add(new PassEvent(pass, "applied", db.Jurisdiction.UserName, now));
        await db.SaveChangesAsync(ct);
        return new Applied(pass.Id, pass.Status, pass.Level);
    }
}
