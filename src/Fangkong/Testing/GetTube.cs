using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// A tube of a round as the sampling-point console shows it: how full it is and whether it has a
/// result. Only tubes sampled within the caller's region are visible; an unknown barcode (or none)
/// gives no tube, an unknown round an error.
/// </summary>
public static class GetTube
{
    /// <param name="RegionCode">Where the tube was opened: the sampling point's region.</param>
    public sealed record View(string Barcode, int SampleCount, int PoolSize, string SamplingPoint, TestResult? Result, string RegionCode = "")
    {
        public bool IsFull => SampleCount >= PoolSize;
    }

    public static async Task<Result<View?>> HandleAsync(FangkongDbContext db, long roundId, string? barcode, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await RoundAccess.FindAsync(db, roundId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var code = barcode?.Trim() ?? string.Empty;
        if (code.Length == 0)
        {
            return Result<View?>.Ok(null);
        }

        var tube = await db.Tubes.AsNoTracking()
            .Where(t => t.RoundId == roundId && t.Barcode == code)
            .Select(t => new View(t.Barcode, t.SampleCount, t.PoolSize, t.SamplingPoint, t.Result, t.RegionCode))
            .FirstOrDefaultAsync(ct);
        return Result<View?>.Ok(tube);
    }
}
