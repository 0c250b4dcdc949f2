using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Areas;

/// <summary>
/// An authorised user approves or rejects a proposal, with a reason (and, to approve, the body
/// whose decision it is). Approval ends the designation in force and starts the proposed one on
/// the given day; it is refused when the unit's designation changed since the proposal was made.
/// Proposals outside the caller's jurisdiction are not found.
/// </summary>
public static class DecideAreaProposal
{
    public sealed record Command(long ProposalId, bool Approve, string Reason, string? ApprovingBody, DateOnly On);

    public sealed record Decided(AreaProposal Proposal, AreaDesignation? Ended, AreaDesignation? Started);

    public static async Task<Result<Decided>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var proposal = await db.AreaProposals.FirstOrDefaultAsync(p => p.Id == command.ProposalId, ct);
        if (proposal is null)
        {
            return Error.NotFound(ErrorText.Of("error.areas.proposal-not-found-jurisdiction", command.ProposalId));
        }

        var by = db.Jurisdiction.UserName;
        var now = time.GetUtcNow();
        if (!command.Approve)
        {
            if (proposal.Reject(by, now, command.Reason) is { } refused)
            {
                return refused;
            }

            await db.SaveChangesAsync(ct);
            return new Decided(proposal, null, null);
        }

        if (command.On < proposal.ProposedOn)
        {
            return Error.Invalid("on", ErrorText.Of("error.areas.decision-cannot-take-effect-before", proposal.ProposedOn));
        }

        // The proposal belongs to one scheme: the level it moves to, or the one it lifts.
        var scheme = (proposal.ToLevel ?? proposal.FromLevel)?.SchemeOf();
        var current = await AreaUnits.ActiveAsync(db, proposal.Unit, scheme, ct);
        if (current?.Id != proposal.DesignationId)
        {
            return Error.Conflict(ErrorText.Of("error.areas.designation-changed-since-proposal-evaluate", proposal.UnitName));
        }

        if (proposal.Approve(by, now, command.Reason, command.ApprovingBody) is { } invalid)
        {
            return invalid;
        }

        AreaDesignation? started = null;
        if (proposal.ToLevel is { } level)
        {
            var schemes = await AreaUnits.SchemesAsync(db, proposal.RegionCode, command.On, ct);
            if (!schemes.IsSuccess)
            {
                return schemes.Error!;
            }

            var reason = $"{command.Reason.Trim()} — {proposal.Facts}";
            var created = AreaDesignation.Create(
                proposal.Unit, level, schemes.Value!, command.On, reason.Length > AreaDesignation.ReasonMaxLength ? reason[..AreaDesignation.ReasonMaxLength] : reason,
                command.ApprovingBody!, by, proposal.Id);
            if (!created.IsSuccess)
            {
                return created.Error!;
            }

            started = created.Value!;
        }

        if (current is not null)
        {
            var why = proposal.ToLevel is { } to ? $"改划为{to.Zh()} (changed to {to.En()})" : "解除 (lifted)";
            if (current.End(command.On, $"{why}: {command.Reason.Trim()}", by) is { } refused)
            {
                return refused;
            }
        }

        if (started is not null)
        {
            db.AreaDesignations.Add(started);
        }

        await db.SaveChangesAsync(ct);
        return new Decided(proposal, current, started);
    }
}
