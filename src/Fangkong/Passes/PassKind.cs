namespace Fangkong.Passes;

/// <summary>What a pass is for (通行证类别).</summary>
public enum PassKind
{
    /// <summary>物资运输.</summary>
    SupplyTransport = 1,

    /// <summary>医疗转运.</summary>
    MedicalTransfer = 2,

    /// <summary>保供人员.</summary>
    SupplyStaff = 3,

    /// <summary>社区工作者.</summary>
    CommunityWorker = 4,

    /// <summary>应急.</summary>
    Emergency = 5,
}

/// <summary>Where a pass stands. <see cref="Expired"/> is read from the validity, not stored.</summary>
public enum PassStatus
{
    Applied,
    Approved,
    Rejected,
    Revoked,
    Expired,
}

/// <summary>Chinese and English names of pass kinds, for pages and messages.</summary>
public static class PassKinds
{
    public static string Zh(PassKind kind) => kind switch
    {
        PassKind.SupplyTransport => "物资运输",
        PassKind.MedicalTransfer => "医疗转运",
        PassKind.SupplyStaff => "保供人员",
        PassKind.CommunityWorker => "社区工作者",
        PassKind.Emergency => "应急",
        _ => kind.ToString(),
    };

    public static bool TryParse(string? text, out PassKind kind)
    {
        kind = default;
        return !string.IsNullOrWhiteSpace(text)
            && !int.TryParse(text, out _)
            && Enum.TryParse(text.Trim(), ignoreCase: true, out kind)
            && Enum.IsDefined(kind);
    }
}
