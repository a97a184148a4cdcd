using FluentValidation;
using Orleans.Concurrency;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Live;
using SocialInnovation.Live;
using SocialInnovation.Mentors;

namespace SocialInnovation.Grains.Mentors;

/// <summary>
/// A team's mentor sessions and its stream. Notes and action items are published at once
/// (<c>VisibleBeforeStored</c>) so the team's phone shows them as the mentor writes.
/// </summary>
[Reentrant]
public sealed class TeamMentoringGrain(
    [PersistentState("mentoring", StorageNames.State)] IPersistentState<TeamMentoringState> state,
    TimeProvider clock) : Grain, ITeamMentoringGrain
{
    public const string StreamKind = "mentoring";
    private StreamLog? _log;
    private TeamMentoringState Team => state.State;

    /// <summary>The stream needs the camp id, which the grain learns at its first session.</summary>
    private StreamLog Log => _log ??= new StreamLog(new StreamId(StreamKind, Team.CampId, this.GetPrimaryKey().ToString("N")), Team.Log,
        () => state.WriteStateAsync(), DeactivateOnIdle, this, clock, new StreamLogOptions(VisibleBeforeStored: true));

    public async Task<Outcome<MentorSession>> Start(Guid campId, string teamName, Guid mentorId, string mentorName, StartSession command)
    {
        if (CommandCheck.Refusal(Shared<StartSessionValidator>.Validator, command) is { } invalid) return invalid;
        if (Team.Sessions.Find(s => s.SessionId == command.SessionId) is { } existing)
        {
            await Log.Settled();
            return existing;
        }
        if (Team.CampId != Guid.Empty && Team.CampId != campId) return DomainError.NotFound("team.unknown", "This camp has no such team.");

        // The mentor–team record is kept BEFORE the session is stored: judging recuses mentors by these
        // records, so a session must never exist without one. If storing the session then fails, the
        // record stays (a recusal too many is safe) and the retried take or start finds it already kept.
        var startedAt = clock.GetUtcNow();
        await GrainFactory.GetGrain<IMentorshipGrain>(campId).Record(new MentorTeamRecord(mentorId, mentorName, this.GetPrimaryKey(), teamName,
            MentorContact.Session, command.SessionId, startedAt));
        // Reentrant: a retry of the same start may have stored the session while the record was written.
        if (Team.Sessions.Find(s => s.SessionId == command.SessionId) is { } raced)
        {
            await Log.Settled();
            return raced;
        }
        if (Team.CampId == Guid.Empty) Team.CampId = campId;
        var session = new MentorSession(command.SessionId, this.GetPrimaryKey(), mentorId, mentorName, command.Topic.Trim(), command.RequestId,
            startedAt, null, "", "", [], null, null, 1);
        Team.Sessions.Add(session);
        return await Changed("SessionStarted", session, command.IdempotencyKey, command);
    }

    public Task<Outcome<MentorSession>> WriteNotes(Guid mentorId, WriteNotes command) =>
        Mentor(mentorId, Shared<WriteNotesValidator>.Validator, command, command.SessionId, command.IdempotencyKey, session =>
            session.Version != command.BasedOnVersion
                ? DomainError.Conflict("session.stale", "The session changed since you opened it (an action item was ticked?). Your text is kept; save again.")
                : ("NotesWritten", session with { Notes = command.Notes.Trim(), FollowUp = command.FollowUp.Trim() }));

    public Task<Outcome<MentorSession>> AddActionItem(Guid mentorId, AddActionItem command) =>
        Mentor(mentorId, Shared<AddActionItemValidator>.Validator, command, command.SessionId, command.IdempotencyKey, session =>
            session.ActionItems.Count >= 30
                ? DomainError.Conflict("session.too-many-items", "A session has at most 30 action items.")
                : ("ActionItemAdded", session with { ActionItems = [.. session.ActionItems, new ActionItem(Guid.NewGuid(), command.Text.Trim(), false)] }));

    public Task<Outcome<MentorSession>> End(Guid mentorId, EndSession command) =>
        Mentor(mentorId, Shared<EndSessionValidator>.Validator, command, command.SessionId, command.IdempotencyKey, session =>
            ("SessionEnded", session with { EndedAt = session.EndedAt ?? clock.GetUtcNow() }), allowEnded: true);

    public Task<Outcome<MentorSession>> Tick(TickActionItem command) =>
        Apply(Shared<TickActionItemValidator>.Validator, command, command.SessionId, command.IdempotencyKey, session =>
            session.ActionItems.All(i => i.ItemId != command.ItemId)
                ? DomainError.NotFound("session.item-unknown", "There is no such action item.")
                : ("ActionItemTicked", session with { ActionItems = session.ActionItems.Select(i => i.ItemId == command.ItemId ? i with { Done = command.Done } : i).ToList() }));

    public Task<Outcome<MentorSession>> Rate(Guid personId, RateSession command) =>
        Apply(Shared<RateSessionValidator>.Validator, command, command.SessionId, command.IdempotencyKey, session =>
            session.EndedAt is null
                ? DomainError.Conflict("session.not-ended", "Rate the session once it has ended.")
                : ("SessionRated", session with { Stars = command.Stars, RatingComment = command.Comment.Trim() }));

    public Task<TeamSessions> GetSessions() => Task.FromResult(View());

    public async Task Notice(Guid campId, StartsSoonNotice notice)
    {
        if (Team.Notices.Any(n => n.SlotId == notice.SlotId)) return;
        if (Team.CampId != Guid.Empty && Team.CampId != campId) return;
        if (Team.CampId == Guid.Empty) Team.CampId = campId;
        Team.Notices.RemoveAll(n => n.End <= clock.GetUtcNow());
        Team.Notices.Add(notice);
        Log.Append("StartsSoon", new NoticesChanged("StartsSoon", Notices()));
        await Log.Commit();
    }

    public async Task WithdrawNotice(Guid slotId)
    {
        if (Team.Notices.RemoveAll(n => n.SlotId == slotId) == 0) return;
        Log.Append("NoticeWithdrawn", new NoticesChanged("NoticeWithdrawn", Notices()));
        await Log.Commit();
    }

    private List<StartsSoonNotice> Notices() => Team.Notices.Where(n => n.End > clock.GetUtcNow()).OrderBy(n => n.Start).ToList();

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamPosition? after) => Task.FromResult<Outcome<StreamCatchUp>>(
        Team.CampId == Guid.Empty ? new StreamCatchUp("", 0, 0, [], RawJson.From(View())) : Log.CatchUp(after, View));

    /// <summary>A change only the session's own mentor may make, while the session runs.</summary>
    private Task<Outcome<MentorSession>> Mentor<T>(Guid mentorId, IValidator<T> validator, T command, Guid sessionId, string key,
        Func<MentorSession, OneOf> change, bool allowEnded = false) =>
        Apply(validator, command, sessionId, key, session =>
            session.MentorId != mentorId ? DomainError.Conflict("session.not-yours", $"This is {session.MentorName}'s session.")
            : session.EndedAt is not null && !allowEnded ? DomainError.Conflict("session.ended", "This session has ended.")
            : change(session));

    /// <summary>validate → replay → check (in <paramref name="change"/>) → store → publish.</summary>
    private async Task<Outcome<MentorSession>> Apply<T>(IValidator<T> validator, T command, Guid sessionId, string key, Func<MentorSession, OneOf> change)
    {
        if (CommandCheck.Refusal(validator, command) is { } invalid) return invalid;
        var index = Team.Sessions.FindIndex(s => s.SessionId == sessionId);
        if (index < 0) return DomainError.NotFound("session.unknown", "This team has no such session.");
        if (Log.Replay(key, command) is { } replayed)
        {
            if (replayed.Error is { } reused) return reused;
            await Log.Settled();
            return Team.Sessions[index];
        }
        var decided = change(Team.Sessions[index]);
        if (decided.Error is { } refused) return refused;
        var changed = decided.Session! with { Version = Team.Sessions[index].Version + 1 };
        Team.Sessions[index] = changed;
        return await Changed(decided.What!, changed, key, command);
    }

    private async Task<Outcome<MentorSession>> Changed<T>(string what, MentorSession session, string key, T command)
    {
        Log.Append(what, new SessionChanged(what, session));
        Log.Remember(key, command);
        await Log.Commit();
        return session;
    }

    private TeamSessions View() => new(this.GetPrimaryKey(), Team.CampId, Team.CampId == Guid.Empty ? 0 : Log.Epoch, Team.Log.Seq,
        Team.Sessions.OrderByDescending(s => s.StartedAt).ToList(), Notices());


    /// <summary>A decided change (what happened, the session after it) or a refusal.</summary>
    private readonly record struct OneOf(string? What, MentorSession? Session, DomainError? Error)
    {
        public static implicit operator OneOf(DomainError error) => new(null, null, error);
        public static implicit operator OneOf((string What, MentorSession Session) change) => new(change.What, change.Session, null);
    }
}
