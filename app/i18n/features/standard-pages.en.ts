import type { Shape } from "../shape";
import type { standardPagesVi } from "./standard-pages.vi";

export const standardPagesEn: Shape<typeof standardPagesVi> = {
  footerNavLabel: "About the exchange",
  updated: "Last updated {{date}}",
  onThisPage: "On this page",
  titles: {
    howItWorks: "How it works",
    faq: "Frequently asked questions",
    terms: "Terms of use",
    privacy: "Privacy notice",
    accessibility: "Accessibility statement",
    contact: "Contact",
  },
  descriptions: {
    howItWorks:
      "How the Hanoi Tech Exchange works for technology providers, government agencies, HiHUB staff and buyers.",
    faq: "Short answers to common questions about the Hanoi Tech Exchange.",
    terms: "Terms of use of the Hanoi Tech Exchange.",
    privacy:
      "What personal data the exchange processes, why, how long it is kept, and your rights under Decree 13/2023/NĐ-CP.",
    accessibility:
      "How accessible the exchange is against WCAG 2.1 AA, what does not meet it yet, and how to report a problem.",
    contact: "How to contact the Hanoi Tech Exchange.",
  },
};
