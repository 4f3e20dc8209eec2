// A page of the admin UI. Embedded in the Shopify admin, the title, the way back and the primary
// action go in App Bridge's title bar, as on Shopify's own pages; in local mode (no admin around the
// app, decisions/0005) Polaris' page header shows them instead.
import { TitleBar } from '@shopify/app-bridge-react';
import { Page } from '@shopify/polaris';
import type { ReactNode } from 'react';
import { useAppLayout } from './layout-data.ts';

export interface PageAction {
  content: string;
  url?: string;
  onAction?: () => void;
  loading?: boolean;
  disabled?: boolean;
}

interface Props {
  title: string;
  titleMetadata?: ReactNode;
  subtitle?: string;
  backAction?: { content: string; url: string };
  primaryAction?: PageAction;
  children: ReactNode;
}

export function useEmbedded(): boolean {
  return useAppLayout()?.embedded ?? false;
}

export function AppPage({ title, titleMetadata, subtitle, backAction, primaryAction, children }: Props) {
  const embedded = useEmbedded();
  if (!embedded) {
    return (
      <Page
        title={title}
        titleMetadata={titleMetadata}
        subtitle={subtitle}
        backAction={backAction}
        primaryAction={primaryAction}
      >
        {children}
      </Page>
    );
  }
  return (
    <>
      <TitleBar title={title}>
        {backAction ? (
          <a variant="breadcrumb" href={backAction.url}>
            {backAction.content}
          </a>
        ) : null}
        {primaryAction?.url ? (
          <a variant="primary" href={primaryAction.url}>
            {primaryAction.content}
          </a>
        ) : null}
        {primaryAction && !primaryAction.url ? (
          <button
            variant="primary"
            onClick={primaryAction.onAction}
            disabled={primaryAction.disabled || primaryAction.loading}
          >
            {primaryAction.content}
          </button>
        ) : null}
      </TitleBar>
      <Page titleMetadata={titleMetadata} subtitle={subtitle}>
        {children}
      </Page>
    </>
  );
}
