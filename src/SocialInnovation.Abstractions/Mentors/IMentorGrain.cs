using SocialInnovation.Common;
using SocialInnovation.Live;

namespace SocialInnovation.Mentors;

/// <summary>
/// One mentor's calendar in one camp: their profile and the office-hour slots they published, each
/// booked by at most one team. Keyed by <see cref="MentorKeys.For"/> (camp and person), so every
/// booking of a slot goes through this one grain, one command at a time: two teams pressing "book" at
/// the same instant cannot both get the slot. Owns the stream <c>mentor:&lt;camp&gt;:&lt;person&gt;</c>.
/// A reminder wakes it ten minutes before each booked slot to send the "starts soon" notice to both
/// sides.
/// </summary>
public interface IMentorGrain : IGrainWithStringKey, IStreamOwnerGrain
{
    /// <summary>
    /// Sends the "starts soon" notices that are due and sets the reminder for the next: what the
    /// reminder's tick does (a test with a moved clock calls it directly).
    /// </summary>
    Task CheckNotices();

    Task<Outcome<MentorCalendar>> SaveProfile(Guid campId, Guid personId, string name, SaveMentorProfile command);

    Task<Outcome<MentorCalendar>> PublishSlot(PublishSlot command);

    Task<Outcome<MentorCalendar>> RemoveSlot(Guid slotId, string idempotencyKey);

    /// <summary>Books the slot for the team; refused (<c>slot.taken</c>) when another team has it.</summary>
    Task<Outcome<MentorCalendar>> Book(Guid teamId, string teamName, BookSlot command);

    /// <summary>Frees the slot the team booked, so it (or another team) can book again.</summary>
    Task<Outcome<MentorCalendar>> CancelBooking(Guid teamId, CancelBooking command);

    /// <summary>Null until the mentor saved a profile.</summary>
    Task<MentorCalendar?> GetCalendar();
}

public static class MentorKeys
{
    public static string For(Guid campId, Guid personId) => $"{campId:N}/{personId:N}";

    public static (Guid CampId, Guid PersonId) Parse(string key)
    {
        var parts = key.Split('/');
        return (Guid.ParseExact(parts[0], "N"), Guid.ParseExact(parts[1], "N"));
    }
}

[GenerateSerializer, Immutable]
public sealed record MentorProfile(
    Guid PersonId,
    Guid CampId,
    string Name,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Languages,
    string Bio,
    string Availability);

/// <param name="TeamId">Null while the slot is free.</param>
[GenerateSerializer, Immutable]
public sealed record OfficeHourSlot(Guid SlotId, DateTimeOffset Start, int Minutes, Guid? TeamId, string? TeamName, DateTimeOffset? BookedAt);

/// <param name="Version">+1 per accepted change; commands name the version they were based on.</param>
/// <param name="Notices">"Starts soon" notices sent for booked slots that have not ended yet.</param>
[GenerateSerializer, Immutable]
public sealed record MentorCalendar(MentorProfile Profile, IReadOnlyList<OfficeHourSlot> Slots, long Version, long Epoch, long Seq,
    IReadOnlyList<StartsSoonNotice> Notices);

/// <summary>
/// "Your office hour starts in 10 minutes", sent once per booked slot by the mentor's grain (on a
/// reminder, so also while nobody has the app open) to the mentor's stream and the team's: kept until
/// the slot ends, so whoever opens the app later sees it too.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StartsSoonNotice(Guid SlotId, DateTimeOffset Start, int Minutes, Guid MentorId, string MentorName, Guid TeamId, string TeamName)
{
    /// <summary>How long before a slot its notice goes out.</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromMinutes(10);

    public DateTimeOffset End => Start.AddMinutes(Minutes);
}

/// <summary>What changed in a mentor's calendar: the calendar as it is now (small: one mentor's slots).</summary>
public sealed record MentorCalendarChanged(string What, Guid? SlotId, MentorCalendar Calendar);
