using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Judging;

namespace SocialInnovation.Grains.Judging;

/// <summary>
/// The organizer's hand on the assignment: pin a team to a judge (sent to them next), or move it away from
/// one. The automatic assignment still decides everything else, and never overrides a conflict: a team is
/// not pinned to a judge who declared a conflict with it or mentored it.
/// </summary>
public sealed partial class JudgingGrain
{
    public async Task<Outcome<Leaderboard>> Assign(AssignTeam command, JudgeContext? from, JudgeContext? to)
    {
        if (CommandCheck.Refusal(Shared<AssignTeamValidator>.Validator, command) is { } invalid) return invalid;
        if (!Round.Configured) return NotConfigured;
        if (Round.Locked) return Locked;
        if (!Round.PitchOrder.Contains(command.TeamId)) return UnknownTeam;
        if (command.To is { } toId && (to is null || to.JudgeId != toId) || command.From is { } fromId && (from is null || from.JudgeId != fromId))
            return DomainError.NotFound("judge.unknown", "There is no such judge in this camp.");
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return replayed.Error ?? await Settled(Board);

        if (to is not null)
        {
            if (Round.Conflicts.Any(c => c.JudgeId == to.JudgeId && c.TeamId == command.TeamId) || to.Recused.Contains(command.TeamId))
                return DomainError.Conflict("judging.conflict", "This judge has a conflict with this team (declared, or mentored it), so they cannot be given it.");
            if (HasScored(to.JudgeId, command.TeamId))
                return DomainError.Conflict("judging.already-scored", "This judge has already scored this team.");
        }
        if (from is not null && HasScored(from.JudgeId, command.TeamId))
            return DomainError.Conflict("judging.already-scored", "This judge has already scored this team; their score stays. Move another team instead.");

        var now = clock.GetUtcNow();
        if (from is not null)
        {
            Round.Pins.RemoveAll(p => p.JudgeId == from.JudgeId && p.TeamId == command.TeamId);
            if (!Round.MovedAway.Any(m => m.JudgeId == from.JudgeId && m.TeamId == command.TeamId))
                Round.MovedAway.Add(new Assignment(from.JudgeId, command.TeamId, now));
            if (_holding.GetValueOrDefault(from.JudgeId) == command.TeamId) _holding.Remove(from.JudgeId);
            SheetOf(from);
            Round.Audit.Add(new AuditEntry(now, from.JudgeId, from.Name, command.TeamId, "moved-away", null, null, 0));
        }
        if (to is not null)
        {
            Round.MovedAway.RemoveAll(m => m.JudgeId == to.JudgeId && m.TeamId == command.TeamId);
            if (!Round.Pins.Any(p => p.JudgeId == to.JudgeId && p.TeamId == command.TeamId))
                Round.Pins.Add(new Assignment(to.JudgeId, command.TeamId, now));
            SheetOf(to);
            // The team the judge was merely offered gives way to the pin (a tablet already scoring it may still send that score).
            _holding.Remove(to.JudgeId);
            Round.Audit.Add(new AuditEntry(now, to.JudgeId, to.Name, command.TeamId, "pinned", null, null, 0));
        }
        return await Store("assigned", command.IdempotencyKey, command, Board);
    }

    private bool HasScored(Guid judge, Guid team) =>
        Round.Sheets.TryGetValue(judge, out var sheet) && sheet.Entries.TryGetValue(team, out var entry) && entry.Current.Status == EntryStatus.Scored;

    /// <summary>The organizer's pins for this judge still to do, in pitch order.</summary>
    private IEnumerable<Guid> PinnedFor(Guid judge, IReadOnlySet<Guid> done) =>
        Round.PitchOrder.Where(t => !done.Contains(t) && Round.Pins.Any(p => p.JudgeId == judge && p.TeamId == t));
}
