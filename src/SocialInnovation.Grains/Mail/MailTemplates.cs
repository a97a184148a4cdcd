using System.Globalization;
using SocialInnovation.Applications;

namespace SocialInnovation.Grains.Mail;

/// <summary>
/// Every mail the intake sends, in English and Russian (the applicant's choice). Plain text: it reads the
/// same in every mail program, and the link is the only thing to click.
/// </summary>
public static class MailTemplates
{
    public static (string Subject, string Text) Received(string language, string name, string campName, string link) => language switch
    {
        "ru" => ($"Заявка на «{campName}» получена",
            $"""
            Здравствуйте, {name}!

            Мы получили вашу заявку на «{campName}». По личной ссылке ниже можно посмотреть заявку,
            изменить её (пока идёт приём заявок) или отозвать:

            {link}

            Ссылка личная: не пересылайте это письмо. Каждое новое письмо приходит с новой ссылкой,
            прежние ссылки перестают работать.
            """),
        _ => ($"Your application to {campName} is in",
            $"""
            Hello {name},

            We received your application to {campName}. Your private link below shows your application;
            you can change it (while applications are open) or withdraw it there:

            {link}

            The link is yours alone: do not forward this mail. Each new mail brings a new link, and
            earlier links stop working.
            """),
    };

    public static (string Subject, string Text) Decision(string language, string name, string campName, string link, DecisionMail decision) =>
        (decision.Kind, language) switch
        {
            (DecisionKind.Accepted, "ru") => ($"Место на «{campName}» — подтвердите до {Date(decision.ConfirmBy, language)}",
                $"""
                Здравствуйте, {name}!

                Для вас есть место на «{campName}». Подтвердите участие до {Date(decision.ConfirmBy, language)} по личной ссылке
                (там же можно отказаться, и место получит следующий в листе ожидания):

                {link}
                """),
            (DecisionKind.Accepted, _) => ($"A place at {campName} — confirm by {Date(decision.ConfirmBy, language)}",
                $"""
                Hello {name},

                There is a place for you at {campName}. Confirm by {Date(decision.ConfirmBy, language)} through your private link
                (you can also decline there, and the place goes to the next person on the waiting list):

                {link}
                """),
            (DecisionKind.Waitlisted, "ru") => ($"«{campName}»: вы в листе ожидания",
                $"""
                Здравствуйте, {name}!

                Все места на «{campName}» пока заняты, и вы в листе ожидания. Если место освободится, мы сразу
                напишем. Ваша заявка: {link}
                """),
            (DecisionKind.Waitlisted, _) => ($"{campName}: you are on the waiting list",
                $"""
                Hello {name},

                Every place at {campName} is taken for now, and you are on the waiting list. If a place frees up,
                we will write at once. Your application: {link}
                """),
            (_, "ru") => ($"«{campName}»: решение по заявке",
                $"""
                Здравствуйте, {name}!

                Спасибо за заявку на «{campName}». К сожалению, в этот раз мы не можем предложить вам место.
                Ваша заявка: {link}
                """),
            _ => ($"{campName}: about your application",
                $"""
                Hello {name},

                Thank you for applying to {campName}. We are sorry that we cannot offer you a place this time.
                Your application: {link}
                """),
        };

    /// <summary>A fresh private link, sent again when an organizer resends it (the applicant lost the first mail).</summary>
    public static (string Subject, string Text) Link(string language, string name, string campName, string link) => language switch
    {
        "ru" => ($"Ваша личная ссылка на заявку в «{campName}»",
            $"""
            Здравствуйте, {name}!

            Организаторы «{campName}» отправили вам новую личную ссылку на вашу заявку:

            {link}

            Прежние ссылки больше не работают. Не пересылайте это письмо.
            """),
        _ => ($"Your private link for {campName}",
            $"""
            Hello {name},

            The organizers of {campName} sent you a new private link to your application:

            {link}

            Earlier links no longer work. Do not forward this mail.
            """),
    };

    private static string Date(DateTimeOffset? at, string language) =>
        // One unambiguous form for both languages, free of the server's culture settings.
        at is { } a ? a.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "";
}
