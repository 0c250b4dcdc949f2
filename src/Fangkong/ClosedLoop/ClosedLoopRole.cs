namespace Fangkong.ClosedLoop;

/// <summary>What a member does in the loop; the seeds' breach is delivery staff living with production staff.</summary>
public enum ClosedLoopRole
{
    /// <summary>送货 / 配送: leaves the site, so must be kept apart from those who do not.</summary>
    Delivery,

    /// <summary>生产: works inside the site.</summary>
    Production,

    /// <summary>社区工作者.</summary>
    CommunityWorker,

    /// <summary>商超: supermarket staff.</summary>
    Supermarket,

    /// <summary>后勤 / 其他.</summary>
    Other,
}
