namespace SocialInnovation.People;

/// <summary>What a person may do in one camp. A person can hold different roles in different camps.</summary>
public enum CampRole { Participant, Mentor, Judge, Organizer }
