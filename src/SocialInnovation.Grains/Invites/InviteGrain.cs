using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Invites;

namespace SocialInnovation.Grains.Invites;

/// <summary>
/// One invite link: its uses and who used it. Reentrant with group commit, so a room of people opening
/// the same link at once is a few writes instead of one after another; every check and change runs
/// without an <c>await</c> in between, and callers are answered once their claim is stored.
/// New claims are stored in the small "invite-recent" state; once it holds <see cref="FoldAt"/> of them
/// (or the summary changed: opened, revoked) the whole invite is stored with them and the recent set
/// starts empty again, as the camp's roster does. Storage may hold a claim in both (a fold whose second
/// write failed): the claims are their union, and the uses are counted from it.
/// </summary>
[Orleans.Concurrency.Reentrant]
public sealed class InviteGrain(
    [PersistentState("invite", StorageNames.State)] IPersistentState<InviteState> state,
    [PersistentState("invite-recent", StorageNames.State)] IPersistentState<RecentClaimsState> recent,
    TimeProvider clock) : Grain, IInviteGrain
{
    /// <summary>How many recent claims the invite takes in at once (a write of ~5 KB of them at most).</summary>
    public const int FoldAt = 128;

    private GroupCommit? _commit;
    private readonly FoldedWrites _fold = new(state, recent, FoldAt);

    private InviteState Invite => state.State;

    private HashSet<Guid> Recent => recent.State.ClaimedBy;

    private GroupCommit Writes => _commit ??= new GroupCommit(Write, _ => DeactivateOnIdle());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A claim in both is one whose fold stored the invite but not yet the emptied recent set.
        Recent.ExceptWith(Invite.ClaimedBy);
        // One use per person who claimed it: the stored count may lag the recent claims.
        if (Invite.Summary is { } summary) Invite.Summary = summary with { Uses = Invite.ClaimedBy.Count + Recent.Count };
        return Task.CompletedTask;
    }

    public async Task Open(InviteSummary invite, string campName)
    {
        if (Invite.Summary is not null) return;
        Invite.Summary = invite;
        Invite.CampName = campName;
        _fold.WholeChanged();
        await Writes.Commit();
    }

    public Task<Outcome<InvitePreview>> Preview() => Task.FromResult(
        RefusalOrLeave() is { } refused
            ? refused
            : Outcome<InvitePreview>.Ok(new InvitePreview(
                Invite.Summary!.CampId, Invite.CampName, Invite.Summary.Role, Invite.Summary.Label, Invite.Summary.ExpiresAt)));

    public async Task<Outcome<InviteClaim>> Claim(Guid personId)
    {
        var summary = Invite.Summary;
        if (summary is not null && (Invite.ClaimedBy.Contains(personId) || Recent.Contains(personId)) && !summary.Revoked)
        {
            await Writes.Settled(); // a retry: its first claim's write may still be in flight
            return new InviteClaim(summary.CampId, summary.Role, summary.InviteId);
        }
        if (RefusalOrLeave() is { } refused) return refused;

        Recent.Add(personId);
        Invite.Summary = summary! with { Uses = summary.Uses + 1 };
        await Writes.Commit();
        return new InviteClaim(summary.CampId, summary.Role, summary.InviteId);
    }

    public Task<InviteSummary?> GetSummary() => Task.FromResult(Invite.Summary);

    public async Task<InviteSummary?> Revoke()
    {
        if (Invite.Summary is null || Invite.Summary.Revoked) return Invite.Summary;
        Invite.Summary = Invite.Summary with { Revoked = true };
        _fold.WholeChanged();
        await Writes.Commit();
        return Invite.Summary;
    }

    /// <summary>Stores the recent claims; or, once there are enough of them or the summary changed, the whole invite with them.</summary>
    private Task Write() => _fold.Write(Recent.Count, () =>
    {
        Invite.ClaimedBy.UnionWith(Recent);
        Recent.Clear();
    });

    /// <summary>
    /// <see cref="Refusal"/>, and for a token nobody issued, this activation goes as soon as the call
    /// ends: guessed tokens would otherwise each keep an activation (and its loaded state) in memory
    /// until idle collection, long after the guess was refused.
    /// </summary>
    private DomainError? RefusalOrLeave()
    {
        if (Invite.Summary is null) DeactivateOnIdle();
        return Refusal();
    }

    /// <summary>Why this invite cannot be used now, or null when it can.</summary>
    private DomainError? Refusal() => Invite.Summary switch
    {
        null => DomainError.NotFound("invite.unknown", "This invite link is not valid. Ask the organizer for a new one."),
        { Revoked: true } => DomainError.Gone("invite.revoked", "This invite was withdrawn by the organizer."),
        var s when s.ExpiresAt <= clock.GetUtcNow() => DomainError.Gone("invite.expired", "This invite has expired. Ask the organizer for a new one."),
        var s when s.Uses >= s.MaxUses => DomainError.Gone("invite.used-up", "This invite has been used as many times as it allows."),
        _ => null,
    };
}
