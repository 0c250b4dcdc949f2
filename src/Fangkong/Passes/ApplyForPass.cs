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
            return Error.Invalid("kind", $"通行证类别「{command.Kind}」无效 (Unknown pass kind '{command.Kind}'; one of {string.Join(", ", Enum.GetNames<PassKind>())}).");
        }

        var unit = command.OrganisationId is { } orgId ? await db.Organisations.FirstOrDefaultAsync(o => o.Id == orgId, ct) : null;
        if (unit is null)
        {
            return Error.Invalid("organisationId", "申请单位未登记或不在您的辖区内 (The applicant unit is not registered in your jurisdiction).");
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
                return Error.Invalid("regions", $"「{text}」不是区划代码 ('{text}' is not a region code).");
            }

            if (!regions.Contains(code, StringComparer.Ordinal))
            {
                regions.Add(code);
            }
        }

        if (regions.Count is 0 or > Pass.MaxRegions)
        {
            return Error.Invalid("regions", $"通行区域应为 1–{Pass.MaxRegions} 个区划 (A pass is valid in 1 to {Pass.MaxRegions} regions).");
        }

        var known = await db.Regions.AsNoTracking().Where(r => regions.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct);
        if (regions.FirstOrDefault(r => !known.Contains(r)) is { } unknown)
        {
            return Error.Invalid("regions", $"区划 {unknown} 未登记 (Region {unknown} is not in the registry).");
        }

        var name = command.HolderName?.Trim();
        var idText = command.HolderIdNumber?.Trim();
        string? idNumber = null;
        if (!string.IsNullOrEmpty(idText))
        {
            if (!IdNumber.TryParse(idText, out var parsed, out var why))
            {
                return Error.Invalid("holderIdNumber", $"身份证号码无效 (The identity number is not valid: {why}).");
            }

            idNumber = parsed.Value;
        }

        string? plate = null;
        if (!string.IsNullOrWhiteSpace(command.Plate) && !VehiclePlate.TryNormalise(command.Plate, out plate))
        {
            return Error.Invalid("plate", $"车牌号「{command.Plate}」格式不对 (Plate '{command.Plate}' is not a Chinese plate, e.g. 吉B12345).");
        }

        if (idNumber is null && plate is null)
        {
            return Error.Invalid("holderIdNumber", "请填写持证人身份证号或车牌号 (A pass needs a holder's identity number, a plate, or both).");
        }

        if (idNumber is not null && string.IsNullOrEmpty(name))
        {
            return Error.Invalid("holderName", "请填写持证人姓名 (The holder's name is missing).");
        }

        if (name is { Length: > Pass.HolderNameMaxLength })
        {
            return Error.Invalid("holderName", $"姓名不超过 {Pass.HolderNameMaxLength} 个字 (Name over {Pass.HolderNameMaxLength} characters).");
        }

        var purpose = command.Purpose?.Trim() ?? string.Empty;
        if (purpose.Length is 0 or > Pass.PurposeMaxLength)
        {
            return Error.Invalid("purpose", $"请填写事由（不超过 {Pass.PurposeMaxLength} 字）(A purpose of 1 to {Pass.PurposeMaxLength} characters is needed).");
        }

        var now = time.GetUtcNow();
        var from = command.ValidFrom ?? now;
        var to = command.ValidTo ?? from.AddDays(1);
        if (to <= from || to - from > Pass.MaxValidity)
        {
            return Error.Invalid("validTo", $"有效期须晚于起始时间且不超过 {Pass.MaxValidity.TotalDays} 天 (Validity must end after it starts and last at most {Pass.MaxValidity.TotalDays} days).");
        }

        if (to <= now)
        {
            return Error.Invalid("validTo", "有效期已过 (The validity has already ended).");
        }

        var pass = new Pass(kind, unit.Id, unit.RegionCode, regions, string.IsNullOrEmpty(name) ? null : name, idNumber, plate, purpose, from, to, db.Jurisdiction.UserName, now);
        db.Passes.Add(pass);
        await db.SaveChangesAsync(ct);
        db.PassEvents.Add(new PassEvent(pass, "applied", db.Jurisdiction.UserName, now));
        await db.SaveChangesAsync(ct);
        return new Applied(pass.Id, pass.Status, pass.Level);
    }
}
