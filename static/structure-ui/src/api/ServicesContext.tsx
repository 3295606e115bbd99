import { createContext, useContext, type ReactNode } from 'react';
import type { AppServices, HostContext } from './services';

interface ServicesValue {
  services: AppServices;
  context: HostContext;
}

const ServicesContext = createContext<ServicesValue | null>(null);

export function ServicesProvider(props: { services: AppServices; context: HostContext; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={{ services: props.services, context: props.context }}>
      {props.children}
    </ServicesContext.Provider>
  );
}

function useServicesValue(): ServicesValue {
  const value = useContext(ServicesContext);
  if (!value) throw new Error('useServices must be used inside <ServicesProvider>');
  return value;
}

export function useServices(): AppServices {
  return useServicesValue().services;
}

export function useHostContext(): HostContext {
  return useServicesValue().context;
}
