// The invitation email, in the invited person's language: plain text, one link, when it expires.
import type { PublicUser } from '../auth/service.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The same words as HTML: escaped paragraphs, the link made clickable. */
function asHtml(text: string, link: string): string {
  return text.trim().split(/\n\n/).map((p) => `<p>${escapeHtml(p).replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`).replace(/\n/g, '<br>')}</p>`).join('\n');
}

export function invitationEmail(user: PublicUser, link: string, ttlHours: number): { subject: string; text: string; html: string } {
  const mail = words(user, link, ttlHours);
  return { ...mail, html: asHtml(mail.text, link) };
}

function words(user: PublicUser, link: string, ttlHours: number): { subject: string; text: string } {
  if (user.lang === 'en') {
    return {
      subject: '[Pilotfish] You are invited to the ambassador programme',
      text: `Hello ${user.name},\n\nYou are invited to Pilotfish, the app where you report what you see on social networks and receive the approved messages of the communications team.\n\nOpen this link on your phone to sign in (no password needed):\n${link}\n\nThe link works once and expires in ${ttlHours} hours. Then install the app from your browser's menu ("Add to home screen").\n`,
    };
  }
  return {
    subject: '[Pilotfish] Vous êtes invité·e au programme ambassadeurs',
    text: `Bonjour ${user.name},\n\nVous êtes invité·e sur Pilotfish, l’application où vous signalez ce que vous voyez sur les réseaux sociaux et recevez les messages validés par l’équipe communication.\n\nOuvrez ce lien sur votre téléphone pour vous connecter (sans mot de passe) :\n${link}\n\nLe lien ne fonctionne qu’une fois et expire dans ${ttlHours} heures. Installez ensuite l’application depuis le menu du navigateur (« Ajouter à l’écran d’accueil »).\n`,
  };
}
