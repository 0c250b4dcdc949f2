using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Organisations;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>Units (party committees, departments, hospitals, enterprises, ...) and their officials within the jurisdiction.</summary>
public static class OrganisationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/organisations", ListAsync).WithTags("Organisations").WithName("ListOrganisations");
    }

    public static async Task<Results<Ok<Page<ListOrganisations.Row>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? kind, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct)
    {
        var parsed = EnumText.ParseOptional<OrganisationKind>(kind, "kind");
        if (!parsed.IsSuccess)
        {
            return Result<Page<ListOrganisations.Row>>.Fail(parsed.Error!).ToHttp();
        }

        return (await ListOrganisations.HandleAsync(db, new ListOrganisations.Query(parsed.Value, page, pageSize), ct)).ToHttp();
    }
}
