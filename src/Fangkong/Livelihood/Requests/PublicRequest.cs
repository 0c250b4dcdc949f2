using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Common.Input;
using Fangkong.Data;

namespace Fangkong.Livelihood.Requests;

/// <summary>
/// A resident's own request, on the public page without an account (like the antigen self-report):
/// placed by the district and address the resident gives; the answer is the request's number and its
/// due time, never what was typed.
/// </summary>
public static class PublicRequest
{
    /// <summary>
    /// Whom the writes are by. A resident has no region: the request is stored on the database as a
    /// whole and named as the resident's own in the audit log.
    /// </summary>
    public static Jurisdiction Resident { get; } = new("resident", string.Empty, SeesFullIdentity: false) { SeesResidentDetails = false };

    public sealed record Command(string? Kind, string? Name, string? Phone, string? District, string? Address, [MultiLine] string? Description, bool Emergency = false);

    /// <param name="db">A context made with <see cref="Resident"/>.</param>
    public static Task<Result<ReceiveRequest.Received>> HandleAsync(
        FangkongDbContext db, TimeProvider time, LivelihoodOptions options, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.District))
        {
            return Task.FromResult<Result<ReceiveRequest.Received>>(Error.Invalid("district", ErrorText.Of("error.livelihood.request-district-needed")));
        }

        var draft = new RequestDraft(
            command.Kind, command.Emergency ? nameof(RequestUrgency.Emergency) : nameof(RequestUrgency.Normal),
            command.Name, command.Phone, command.Address, command.Description, District: command.District);
        return ReceiveRequest.HandleAsync(db, time, options, RequestSource.Resident, draft, ct);
    }
}
