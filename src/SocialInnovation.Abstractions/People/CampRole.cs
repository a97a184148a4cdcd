namespace SocialInnovation.People;

/// <summary>What a person may do in one camp. A person can hold different roles in different camps.</summary>
/// <remarks>
/// A <see cref="Reviewer"/> helps the organizers select participants (reads and scores applications) and
/// takes no other part in the camp; new roles are added at the end, as the stored value is the number.
/// </remarks>
public enum CampRole { Participant, Mentor, Judge, Organizer, Reviewer }
