namespace SocialInnovation.Mentors;

/// <summary>
/// The camp's mentors and its mentor–team records (one grain per camp, keyed by the camp id). A record
/// is kept whenever a mentor has to do with a team — a booked office hour (kept even if cancelled), a
/// help request taken, a session — and is never removed.
/// <para><b>For judging:</b> <see cref="TeamsMentoredBy"/> is the query the judging capability uses to
/// recuse a mentor from judging the teams they mentored.</para>
/// </summary>
public interface IMentorshipGrain : IGrainWithGuidKey
{
    /// <summary>Adds or updates the mentor in the camp's list (called when a mentor saves their profile).</summary>
    Task ListMentor(MentorProfile profile);

    Task<IReadOnlyList<MentorProfile>> GetMentors();

    /// <summary>Keeps the record; the same (mentor, team, how, reference) twice is one record, so retries are harmless.</summary>
    Task Record(MentorTeamRecord record);

    /// <summary>The teams this person mentored in this camp, in any way: for recusal from judging them.</summary>
    Task<IReadOnlyList<Guid>> TeamsMentoredBy(Guid personId);

    Task<IReadOnlyList<MentorTeamRecord>> GetRecords();
}

public enum MentorContact { SlotBooked, HelpRequestTaken, Session }

/// <param name="Reference">The slot, help request or session this record is about.</param>
[GenerateSerializer, Immutable]
public sealed record MentorTeamRecord(Guid MentorId, string MentorName, Guid TeamId, string TeamName, MentorContact How, Guid Reference, DateTimeOffset At);
