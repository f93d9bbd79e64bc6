import type { StandardPagesContent } from "./types";

// Follows vi.server.ts (the source) section by section.
export const standardPagesEn: StandardPagesContent = {
  howItWorks: {
    updated: "2026-12-06",
    lead: "The exchange connects people with technology to the public bodies that have problems to solve. Each side has its own part; this page says what each one does, in order.",
    sections: [
      {
        id: "providers",
        heading: "Technology providers",
        blocks: [
          "Companies, start-ups, research institutes and universities present their solutions on the exchange.",
          [
            "Create an account, then create your organisation with its tax code (MST). You are its owner and can invite colleagues.",
            "The Hanoi Innovation Centre (HiHUB) verifies the organisation's details. A verified organisation is marked as such on its profile.",
            "Post an offer: a description, sectors, technology readiness level (TRL), priced packages in Vietnamese đồng and reference customers. HiHUB staff review it before it is published.",
            "Put your offer forward for an agency's problem statement or for one of the city's major problems, and answer buyers through messages.",
            "Receive payment for packages sold, through Stripe, less the platform fee.",
          ],
        ],
      },
      {
        id: "agencies",
        heading: "Agencies posting problem statements",
        blocks: [
          "Departments, districts and public service units post problems they want solved with technology.",
          [
            "Create an organisation of the kind “Government agency”. Agencies may leave the tax code empty.",
            "Write the problem statement to the “six clears” rule: clear owner, clear scope, clear timeline, clear responsibility, clear deliverable and clear authority.",
            "HiHUB staff review the statement before it is published.",
            "Answer providers' public questions, read the proposals, shortlist them or decline them with a reason.",
            "Close the statement when you have chosen a solution or the deadline has passed.",
          ],
        ],
      },
      {
        id: "staff",
        heading: "Hanoi Innovation Centre (HiHUB) staff",
        blocks: [
          "HiHUB staff keep the exchange trustworthy and follow the results.",
          [
            "Edit the city's list of major problems and publish each version of it.",
            "Verify organisations, and review offers and problem statements before they are published.",
            "Go through suggested matches between offers and problems, shortlist them, approve them or reject them with a reason.",
            "Follow each approved match through introduction, pilot, procurement and deployment, and publish the results.",
            "Every decision is written to the audit log, with who made it and when.",
          ],
        ],
      },
      {
        id: "buyers",
        heading: "Buyers paying by card",
        blocks: [
          "An organisation can buy a package with a listed price directly on the exchange.",
          [
            "Sign in, choose the package on the offer's page and the organisation that buys it.",
            "Pay by card on Stripe's page. The exchange never sees or stores the card number.",
            "After payment, the order and its receipt are in your organisation's orders. You talk to the provider through the messages attached to the order.",
            "Packages marked “price on request” cannot be bought directly: contact the provider.",
          ],
        ],
      },
    ],
  },

  faq: {
    updated: "2026-12-06",
    lead: "Short answers to common questions. If your question is not here, contact us.",
    sections: [
      {
        id: "cost",
        heading: "Does it cost anything to use the exchange?",
        blocks: [
          "Creating an account, posting offers and problem statements, and sending proposals are free. Providers can buy a paid plan (verified profile, premium) and one-off services such as a technology valuation. When a package is sold through the exchange, the exchange keeps a platform fee.",
        ],
      },
      {
        id: "verified",
        heading: "What does “verified organisation” mean?",
        blocks: [
          "HiHUB staff have checked the organisation's name, kind and tax code against documents. It is not a guarantee of the quality of its solutions.",
        ],
      },
      {
        id: "evidence",
        heading: "What do an offer's evidence levels mean?",
        blocks: [
          "Each offer shows a level of evidence: declared by the provider, documents checked by HiHUB, confirmed by a reference customer, or tested in a sandbox. The higher the level, the more people other than the provider have checked it.",
        ],
      },
      {
        id: "major-problems",
        heading: "How is a major problem different from an agency's problem statement?",
        blocks: [
          "Major problems are the city's list of its largest problems, edited by HiHUB and published in versions. Problem statements are posted and managed by individual departments and districts.",
        ],
      },
      {
        id: "payment",
        heading: "Is paying safe?",
        blocks: [
          "Payment happens on Stripe's page. The exchange only receives the outcome (the amount and the transaction reference), never the card number. Prices are in Vietnamese đồng.",
        ],
      },
      {
        id: "language",
        heading: "Can I use the exchange in English?",
        blocks: [
          "Yes. Choose “Tiếng Việt” or “English” at the top of the page. The interface changes language; text that users wrote stays in the language they wrote it in, usually Vietnamese.",
        ],
      },
      {
        id: "data",
        heading: "Can I download the exchange's data?",
        blocks: [
          "Yes. Public data (offers, problem statements, organisations, major problems) is on the Open data page as CSV and JSON, and through the open API.",
          { href: "/open-data", text: "Open data" },
        ],
      },
      {
        id: "delete",
        heading: "How do I delete my account?",
        blocks: [
          "There is no button to delete your own account yet. Write to {{contactEmail}} from the account's email address. We reply within 72 hours and tell you what the law requires us to keep (payment records, for example).",
        ],
      },
    ],
  },

  terms: {
    updated: "2026-12-06",
    lead: "By using the Hanoi Tech Exchange you agree to these terms.",
    sections: [
      {
        id: "operator",
        heading: "Who runs the exchange",
        blocks: [
          "The exchange is run with the Hanoi Innovation Centre (HiHUB), under Resolution 57-NQ/TW on science, technology, innovation and digital transformation.",
        ],
      },
      {
        id: "accounts",
        heading: "Accounts",
        blocks: [
          [
            "An account belongs to one person. Do not share your password.",
            "What you say about yourself and your organisation must be true.",
            "Only create an organisation, or post for one, if you are entitled to act for it.",
          ],
        ],
      },
      {
        id: "content",
        heading: "What you post",
        blocks: [
          "You are responsible for the offers, problem statements, proposals, messages and files you post. You keep ownership of them, and allow the exchange to show them, search them and, when they are public, publish them as open data.",
          "Do not post anything untrue, anything that infringes intellectual property, state secrets or someone else's trade secrets, or malicious code. HiHUB staff may ask for changes, decline to publish or remove content that breaks these rules, and record why.",
        ],
      },
      {
        id: "purchases",
        heading: "Buying and selling",
        blocks: [
          "The contract of sale is between the buying organisation and the provider. The provider is responsible for the package sold, its invoice and its taxes. The exchange collects payment through Stripe on the provider's behalf and keeps a platform fee. Refunds are made by the provider or by HiHUB staff through the exchange.",
        ],
      },
      {
        id: "liability",
        heading: "Limits of our responsibility",
        blocks: [
          "The exchange helps the parties find each other; it does not guarantee that a solution solves a problem. Make your own assessment before signing a contract. We try to keep the exchange running at all times but may pause it for maintenance.",
        ],
      },
      {
        id: "changes",
        heading: "Changes to these terms",
        blocks: [
          "When these terms change, we update the date at the top of this page, and tell users before an important change takes effect. These terms are governed by Vietnamese law.",
        ],
      },
    ],
  },

  privacy: {
    updated: "2026-12-06",
    lead: "This notice says what personal data the exchange processes, why, how long it is kept, and your rights under Decree 13/2023/NĐ-CP on personal data protection.",
    sections: [
      {
        id: "controller",
        heading: "Who processes your data",
        blocks: [
          "The controller and processor of personal data is the operator of the Hanoi Tech Exchange, with the Hanoi Innovation Centre (HiHUB). Contact for personal data: {{contactEmail}}.",
        ],
      },
      {
        id: "collected",
        heading: "What we store",
        blocks: [
          [
            "Your account: name, email address, password (only an Argon2 hash is stored; nobody can read the password), role, chosen language, and when it was created and changed.",
            "Sign-in sessions: a random session id in a cookie and when it expires.",
            "Organisations: name, kind, tax code, address, website, description, members and their roles; invitations (the invited person's email).",
            "What you post: offers, priced packages, reference customers, problem statements, questions and answers, proposals, attached files, and messages between buyers and providers.",
            "Notifications and email subscriptions: in-app notifications, how you want to be notified, saved searches, and a copy of every email sent to you.",
            "Orders and payments: buying organisation, who ordered, the package, amounts, status, Stripe's checkout session and payment references, refunds. Card numbers are handled by Stripe; the exchange never receives or stores them.",
            "Audit log: who did what to which record, and when (for example approving an offer or changing a role), with the content before and after the change.",
            "Sign-in protection: IP addresses, to count failed sign-ins, and the pairs of IP address and account that signed in successfully.",
            "Server logs: the method, path (without its query) and status of each request. Passwords, cookies, tokens and IP addresses are not logged.",
          ],
          "Cookies: “__session” (keeps you signed in) and “lng” (your chosen language). The exchange uses no advertising cookies and no third-party tracking.",
        ],
      },
      {
        id: "purposes",
        heading: "Why we process it",
        blocks: [
          [
            "To provide what you ask for: signing in, managing organisations, posting and matching offers and problems, buying and selling.",
            "To send the emails you need (password resets, invitations, notifications) and the ones you subscribed to.",
            "To verify organisations and keep the exchange trustworthy.",
            "To keep payment records as accounting and tax rules require.",
            "To protect the exchange from unauthorised access and to find faults.",
          ],
          "By creating an account you consent to processing for these purposes. Public content (offers, problem statements, organisation profiles) is published on the exchange and in the open data; people's names and email addresses are not in the open data.",
        ],
      },
      {
        id: "sharing",
        heading: "Who receives it",
        blocks: [
          [
            "Stripe, to take payments and make refunds when you buy or sell.",
            "The exchange's mail server, to send you email.",
            "The other members of your organisation, and the other party to an order or proposal, see what the shared work needs.",
            "Competent state authorities, when the law requires it.",
          ],
          "We do not sell personal data.",
        ],
      },
      {
        id: "retention",
        heading: "How long we keep it",
        blocks: [
          [
            "Sign-in sessions: at most 30 days, or until you sign out or change or reset your password.",
            "Password reset links expire after 1 hour; membership invitations after 7 days.",
            "Failed sign-in counts by IP address: 15 minutes to 1 hour. Pairs of IP address and account that signed in successfully: 14 days.",
            "Accounts, organisations and content: while the account is active, and until you ask for deletion.",
            "Orders, payments and refunds: 10 years, as the Law on Accounting requires, even after an account is deleted.",
            "The audit log and copies of sent emails: currently kept for as long as the exchange runs. When an account is deleted, its name is removed from the audit log's entries.",
            "Server logs: as long as the server operator's log storage keeps them.",
          ],
        ],
      },
      {
        id: "rights",
        heading: "Your rights",
        blocks: [
          "Under Article 9 of Decree 13/2023/NĐ-CP you have the right:",
          [
            "to be informed about the processing of your personal data;",
            "to give, or refuse, consent to processing;",
            "to access your data to see it, correct it or ask for it to be corrected;",
            "to withdraw consent;",
            "to ask for your data to be deleted;",
            "to ask for processing to be restricted;",
            "to ask for a copy of your data;",
            "to object to processing;",
            "to complain, denounce, take legal action and claim damages;",
            "to protect yourself as the law allows.",
          ],
        ],
      },
      {
        id: "exercise",
        heading: "How to exercise your rights",
        blocks: [
          "You can see and change your name, password, language and notification settings on your Account page. An organisation's owner changes its details on the organisation's page.",
          { href: "/account", text: "Your account" },
          "For anything else (a copy of your data, deletion, restriction, objection, withdrawing consent), write to {{contactEmail}} from your account's email address and say what you want. We acknowledge within 72 hours and act within the time Decree 13 sets. If you are not satisfied with our answer, you can complain to the Department of Cybersecurity and High-Tech Crime Prevention (A05) of the Ministry of Public Security.",
        ],
      },
    ],
  },

  accessibility: {
    updated: "2026-12-06",
    lead: "We want everyone to be able to use the exchange, including people who use a screen reader, only a keyboard, large text or a small screen.",
    sections: [
      {
        id: "target",
        heading: "Our target",
        blocks: [
          "The exchange aims to meet WCAG 2.1 at level AA. It is built so that you can:",
          [
            "use all of it with a keyboard;",
            "zoom to 400% without text being cut off;",
            "use it on screens from 320 pixels wide;",
            "search, filter and send forms without JavaScript;",
            "choose Vietnamese or English.",
          ],
        ],
      },
      {
        id: "testing",
        heading: "How we test",
        blocks: [
          "On every change, the main pages are checked automatically with axe-core in Chromium at 320, 390 and 1280 pixels wide, in both languages.",
        ],
      },
      {
        id: "known-issues",
        heading: "What does not meet the target yet",
        blocks: [
          [
            "Files that users upload (PDFs, images) may not be accessible; we do not control their content.",
            "Text written by users may be in Vietnamese only when you choose English.",
            "HiHUB staff's match curation board is long and dense on small screens; we are building an easier list view.",
            "The form for posting an offer is long; we are dividing it into clear sections.",
            "A few wide tables scroll sideways inside their own frame on narrow screens.",
          ],
        ],
      },
      {
        id: "report",
        heading: "Reporting an accessibility problem",
        blocks: [
          "If something on the exchange is hard to use, write to {{contactEmail}}. Tell us the page, what you were trying to do, and the browser and assistive technology you use. We reply within 5 working days, and can send you what you need in another format.",
        ],
      },
    ],
  },

  contact: {
    updated: "2026-12-06",
    lead: "Questions about the exchange, faults, personal data requests or reports of content that breaks the rules: write to us.",
    sections: [
      {
        id: "email",
        heading: "Email",
        blocks: [
          "Write to {{contactEmail}}. We answer during office hours, Monday to Friday, usually within 2 working days.",
          { href: "mailto:{{contactEmail}}", text: "Email the exchange" },
        ],
      },
      {
        id: "what-to-include",
        heading: "What to put in your message",
        blocks: [
          [
            "The address (link) of the page you mean.",
            "Your organisation's name, if the question is about it.",
            "The order number, if the question is about a payment.",
          ],
          "Do not send passwords or card numbers by email. We never ask for them.",
        ],
      },
      {
        id: "operator",
        heading: "Who runs the exchange",
        blocks: ["Hanoi Innovation Centre (HiHUB), Hanoi, Vietnam."],
      },
    ],
  },
};
