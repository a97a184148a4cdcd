using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Invites;
using SocialInnovation.Invites;
using SocialInnovation.People;

namespace SocialInnovation.Grains.Camps;

/// <summary>The camp's people, teams and invites.</summary>
public sealed partial class CampGrain
{
    public async Task<Outcome<CampSnapshot>> AddTeam(AddTeam command)
    {
        if (CommandCheck.Refusal(Shared<AddTeamValidator>.Validator, command) is { } invalid) return invalid;
        if (!Camp.Exists) return NotFound();

        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed);
        if (Camp.Teams.Any(t => string.Equals(t.Name, command.Name, StringComparison.OrdinalIgnoreCase)))
            return DomainError.Conflict("team.exists", $"There is already a team called {command.Name}.");
        if (!Camp.Details!.Themes.Contains(command.Theme))
            return DomainError.Conflict("team.theme-unknown", $"{command.Theme} is not one of this camp's themes.");

        var team = new TeamView(Guid.NewGuid(), command.Name, command.Theme);
        Camp.Teams.Add(team);
        Append(CampEventKind.TeamAdded, Current() with { Team = team });
        _log.Remember(command.IdempotencyKey, command, team.TeamId);
        await _log.Commit();
        return Snapshot();
    }

    public async Task<Outcome<CampMember>> AdmitMember(Guid personId, string name, CampRole role)
    {
        if (!Camp.Exists) return NotFound();
        // The roster decides who is new; admitting someone twice (a retried redemption) tells nobody.
        var admission = await Roster.Admit(new CampMember(personId, name, role, clock.GetUtcNow()), Camp.Phase != CampPhase.Archived);
        if (admission.Member is null) return Archived();
        // Keep the newest counts only (admissions answer out of order); an earlier failed write is made good here.
        if (admission.Version > Camp.RosterVersion)
        {
            Camp.Counts = admission.Counts;
            Camp.RosterVersion = admission.Version;
        }
        if (!admission.Added) return admission.Member;
        // The roster's write made the join durable; the camp's MemberJoined event (the new counts, for
        // watchers) is stored with group commit and published once stored, but the join is not held up
        // by it (one storage round trip fewer on every join's path). Counts whose write is lost are made
        // good by the next admission or the next activation (CatchUpCounts).
        if (_log.IsBroken) return admission.Member;
        Append(CampEventKind.MemberJoined, Current() with { MemberName = name, MemberRole = role });
        _ = StoreCounts();
        return admission.Member;
    }

    private async Task StoreCounts()
    {
        try
        {
            await _log.Commit();
        }
        catch (Exception)
        {
            // The write failed: the activation is being dropped, and the next one starts from the roster's counts.
        }
    }

    public Task<IReadOnlyList<CampMember>> GetMembers() => Roster.GetMembers();

    public async Task<Outcome<InviteIssued>> IssueInvite(IssueInvite command, Guid byPersonId)
    {
        if (CommandCheck.Refusal(Shared<IssueInviteValidator>.Validator, command) is { } invalid) return invalid;
        if (!Camp.Exists) return NotFound();

        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await ReplayedInvite(replayed);
        if (Camp.Phase == CampPhase.Archived) return Archived();

        var token = InviteTokens.NewToken();
        var now = clock.GetUtcNow();
        var summary = new InviteSummary(
            Guid.NewGuid(), CampId, command.Role, command.Label, command.MaxUses, 0,
            now.AddHours(command.ValidForHours), false, now);
        var record = new InviteRecord { Summary = summary, TokenHash = InviteTokens.Hash(token) };

        // The invite's own grain is opened first: if the camp's write then fails, the invite exists
        // but no one has its token, which is harmless.
        await GrainFactory.GetGrain<IInviteGrain>(record.TokenHash).Open(summary, Camp.Details!.Name);
        // The same request may have been applied meanwhile (a retry interleaved): answer as it did.
        if (_log.Replay(command.IdempotencyKey, command) is { } meanwhile) return await ReplayedInvite(meanwhile);
        // Remembered first, so a retry arriving during the roster's write waits for this one.
        _log.Remember(command.IdempotencyKey, command, summary.InviteId);
        await Task.WhenAll(Roster.AddInvite(record), _log.Commit());
        return new InviteIssued(summary, token);
    }

    public async Task<IReadOnlyList<InviteSummary>> GetInvites()
    {
        // Uses are counted by each invite's own grain; ask them so the organizer sees current numbers.
        var current = await Task.WhenAll((await Roster.GetInvites()).Select(async record =>
            await GrainFactory.GetGrain<IInviteGrain>(record.TokenHash).GetSummary() ?? record.Summary));
        return current.OrderByDescending(i => i.CreatedAt).ToList();
    }

    public async Task<Outcome<InviteSummary>> RevokeInvite(Guid inviteId)
    {
        if (await Roster.GetInvite(inviteId) is not { } record)
            return DomainError.NotFound("invite.unknown", "This camp has no such invite.");

        var revoked = await GrainFactory.GetGrain<IInviteGrain>(record.TokenHash).Revoke() ?? record.Summary with { Revoked = true };
        await Roster.SetInvite(inviteId, revoked);
        return revoked;
    }

    private async Task<Outcome<InviteIssued>> ReplayedInvite(Outcome<Common.AppliedCommand> replayed)
    {
        if (replayed.Error is { } reused) return reused;
        await _log.Settled();
        // The token was shown once and is not kept, so a retry can only say the invite exists.
        var made = await Roster.GetInvite(replayed.Value!.ResultId!.Value);
        return made is null ? DomainError.Unavailable : new InviteIssued(made.Summary, null);
    }

    private static DomainError Archived() => DomainError.Conflict("camp.archived", "An archived camp takes no new people.");
}
