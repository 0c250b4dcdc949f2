using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Testing;
using Fangkong.Testing.Doors;
using Fangkong.Web.Exports;
using Fangkong.Web.Exports.Lists;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>The door-to-door list of a round (敲门, issue 16 item 1): pages by key, filters, exports.</summary>
public static class DoorListApi
{
    public static void Map(RouteGroupBuilder testing)
    {
        ArgumentNullException.ThrowIfNull(testing);
        testing.MapGet("/rounds/{id:long}/not-sampled", NotSampledAsync).WithName("NotSampled");
        testing.MapGet("/rounds/{id:long}/not-sampled/export", ExportAsync).WithName("ExportNotSampled");
    }

    /// <summary>One page of the community's residents not yet swabbed, in address order; <c>next</c> continues it.</summary>
    public static async Task<Results<Ok<ListNotSampled.DoorPage>, ValidationProblem, ProblemHttpResult>> NotSampledAsync(
        long id, string? community, long? compound, long? building, string? after, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        (await ListNotSampled.HandleAsync(db, new DoorFilter(id, community ?? string.Empty, compound, building), after, pageSize, ct)).ToHttp();

    /// <summary>Every row of the filter in address order, as CSV or .xlsx, masked as the page is; audited.</summary>
    internal static async Task<IResult> ExportAsync(
        long id, string? community, long? compound, long? building, string? format, FangkongDbContext db, ListExporter exporter, CancellationToken ct)
    {
        var kind = ExportFormats.Parse(format);
        if (!kind.IsSuccess)
        {
            return kind.Error!.ToValidationProblem("format");
        }

        var list = await ListAllNotSampled.HandleAsync(db, new DoorFilter(id, community ?? string.Empty, compound, building), $"export={ExportFormats.Extension(kind.Value)}", ct);
        if (!list.IsSuccess)
        {
            return list.Error!.Kind == ErrorKind.Invalid ? list.Error.ToValidationProblem(list.Error.Field ?? "community") : list.Error.ToProblem();
        }

        return await exporter.FileAsync(DoorListExport.Name(list.Value!), DoorListExport.Columns, list.Value!.Rows, kind.Value, ct);
    }
}
